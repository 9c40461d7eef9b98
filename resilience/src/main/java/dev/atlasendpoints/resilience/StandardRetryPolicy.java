package dev.atlasendpoints.resilience;

import dev.atlasendpoints.core.AtlasOperation;
import dev.atlasendpoints.core.errors.AtlasAmbiguousOutcomeException;
import dev.atlasendpoints.core.errors.AtlasApiException;
import dev.atlasendpoints.core.errors.AtlasConnectionException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * The SDK's retry rule: send again only what Atlas cannot have acted on, or what is safe to repeat.
 *
 * <table>
 *   <caption>Outcomes and decisions</caption>
 *   <tr><th>outcome</th><th>decision</th></tr>
 *   <tr><td>429</td><td>retry after {@code Retry-After} (or the backoff) plus jitter: nothing was done</td></tr>
 *   <tr><td>5xx</td><td>retry for reads ({@code GET}, {@code HEAD}) and when
 *       {@link RetrySettings#replayAmbiguousOutcomes()}; otherwise stop: a create may have happened</td></tr>
 *   <tr><td>{@code AtlasConnectionException}</td><td>retry: the request was never sent</td></tr>
 *   <tr><td>an {@code AtlasApiException} with 429 or 5xx thrown below this layer (the token endpoint's)</td>
 *       <td>retry: the API request was not sent</td></tr>
 *   <tr><td>{@code AtlasAmbiguousOutcomeException} (timeouts, dropped connections)</td><td>as 5xx</td></tr>
 *   <tr><td>any other answer or exception</td><td>stop</td></tr>
 * </table>
 *
 * A retry is made only while attempts remain ({@link RetrySettings#maxAttempts()}) and while its wait
 * keeps the call within {@link RetrySettings#maxTotalWait()}; otherwise the caller gets the outcome
 * at once, e.g. a 429 as {@code AtlasRateLimitedException} with its {@code retryAfter()}. The wait is
 * Atlas's {@code Retry-After} plus up to half a backoff of jitter, or without one a backoff drawn
 * between half and all of {@code initialBackoff × multiplier^(attempt-1)}, capped at
 * {@link RetrySettings#maxBackoff()}.
 */
public final class StandardRetryPolicy implements RetryPolicy {

  private static final StandardRetryPolicy INSTANCE = new StandardRetryPolicy(ThreadLocalRandom::current);

  private final Supplier<RandomGenerator> random;

  private StandardRetryPolicy(Supplier<RandomGenerator> random) {
    this.random = random;
  }

  /** The rule with random jitter. */
  public static StandardRetryPolicy instance() {
    return INSTANCE;
  }

  /** The rule with jitter drawn from {@code random} (a seeded one makes decisions repeatable). */
  public static StandardRetryPolicy withJitterFrom(RandomGenerator random) {
    return new StandardRetryPolicy(() -> random);
  }

  @Override
  public RetryDecision decide(RetryAttempt attempt, RetrySettings settings) {
    boolean safeToRepeat = isRead(attempt.operation()) || settings.replayAmbiguousOutcomes();
    Optional<Duration> serverWait = Optional.empty();
    String reason;
    if (attempt.outcome() instanceof AttemptOutcome.Answered answered) {
      int status = answered.status();
      if (status != 429 && !(status >= 500 && status <= 599 && safeToRepeat)) {
        return RetryDecision.stop(status >= 500 && status <= 599
            ? "Atlas answered " + status + " and may have acted; not replayed"
            : "status " + status + " is not retried");
      }
      serverWait = answered.retryAfter();
      reason = String.valueOf(status);
    } else if (((AttemptOutcome.Failed) attempt.outcome()).error() instanceof AtlasApiException side
        && (side.status() == 429 || side.status() >= 500)) {
      // Atlas's answers to the API request reach this layer as answers, not exceptions: an answer
      // thrown below it belongs to a request made on the way, such as the service account's token
      // request, so the API request itself was not sent, and a 429 or 5xx there is safe to retry.
      serverWait = side.retryAfter();
      reason = String.valueOf(side.status());
    } else {
      RuntimeException error = ((AttemptOutcome.Failed) attempt.outcome()).error();
      boolean neverSent = error instanceof AtlasConnectionException;
      if (!neverSent && !(error instanceof AtlasAmbiguousOutcomeException && safeToRepeat)) {
        return RetryDecision.stop(error instanceof AtlasAmbiguousOutcomeException
            ? "Atlas may have acted on the request; not replayed"
            : error.getClass().getSimpleName() + " is not retried");
      }
      reason = error.getClass().getSimpleName();
    }
    if (attempt.number() >= settings.maxAttempts()) {
      return RetryDecision.stop("all " + settings.maxAttempts() + " attempts were made");
    }
    Duration left = settings.maxTotalWait().minus(attempt.waitedSoFar());
    if (serverWait.isPresent() && serverWait.get().compareTo(left) > 0) {
      // Checked before any arithmetic: a Retry-After of years must end the call, not overflow.
      return RetryDecision.stop("Atlas asked to wait " + serverWait.get().getSeconds()
          + " s, more than maxTotalWait allows (" + left.getSeconds() + " s left)");
    }
    Duration backoff = backoff(settings, attempt.number());
    Duration wait = serverWait
        .map(asked -> asked.plus(jitter(Duration.ZERO, backoff.dividedBy(2))))
        .orElseGet(() -> jitter(backoff.dividedBy(2), backoff));
    if (wait.compareTo(left) > 0) {
      return RetryDecision.stop("waiting " + wait.toMillis() + " ms more would exceed maxTotalWait ("
          + left.toMillis() + " ms left)");
    }
    return RetryDecision.retry(wait, reason);
  }

  private static boolean isRead(AtlasOperation operation) {
    return operation.httpMethod().equals("GET") || operation.httpMethod().equals("HEAD");
  }

  private static Duration backoff(RetrySettings settings, int failedAttempts) {
    double millis = settings.initialBackoff().toMillis() * Math.pow(settings.multiplier(), failedAttempts - 1);
    return Duration.ofMillis((long) Math.min(millis, settings.maxBackoff().toMillis()));
  }

  private Duration jitter(Duration low, Duration high) {
    long span = high.toMillis() - low.toMillis();
    return low.plusMillis(span <= 0 ? 0 : random.get().nextLong(span + 1));
  }
}
