package dev.atlasendpoints.resilience;

/**
 * Decides, for one attempt's outcome, whether the {@link RetryLayer} sends the request again and
 * after how long. A pure function: it reads nothing but its arguments and changes nothing, so it
 * can be tested as a table. The layer carries the decision out (waits, spends the shared
 * {@link RetryBudget}, reports the retry to the client's listeners).
 *
 * <p>The default is {@link StandardRetryPolicy}; supply your own with
 * {@link RetrySettings.Builder#policy(RetryPolicy)}.
 */
@FunctionalInterface
public interface RetryPolicy {

  /**
   * Whether and when to send {@code attempt}'s request again.
   *
   * @param settings the limits the layer was configured with (attempts, backoff, total wait,
   *     whether ambiguous outcomes may be replayed); a policy of your own may ignore them
   */
  RetryDecision decide(RetryAttempt attempt, RetrySettings settings);
}
