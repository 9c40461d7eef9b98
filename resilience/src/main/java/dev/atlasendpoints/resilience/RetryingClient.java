package dev.atlasendpoints.resilience;

import dev.atlasendpoints.core.AtlasOperation;
import dev.atlasendpoints.core.LayerContext;
import dev.atlasendpoints.core.Responses;
import dev.atlasendpoints.core.errors.AtlasCommunicationException;
import dev.atlasendpoints.core.errors.AtlasInterruptedException;
import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The decorator behind {@link RetryLayer}: it only carries out what the {@link RetryPolicy}
 * decides — waits, spends the shared budget, closes discarded answers and reports each retry. It
 * holds any policy, the user's included, to the settings' hard limits: never more than
 * {@code maxAttempts} attempts, never more than {@code maxTotalWait} of waiting.
 *
 * <p>The loop is written here rather than run by Resilience4j's {@code Retry}: the policy needs the
 * whole call's history (attempt number, time already waited), which Resilience4j's per-config
 * predicates could only reach through thread-local state.
 */
record RetryingClient(Client next, RetrySettings settings, RetryBudget budget, LayerContext context, Clock clock)
    implements Client {

  @Override
  public Response execute(Request request, Request.Options options) throws IOException {
    AtlasOperation operation = context.call(request).operation();
    Duration waited = Duration.ZERO;
    boolean mayHaveActed = false; // whether an earlier attempt of this call may have reached Atlas
    for (int number = 1; ; number++) {
      Response response = null;
      RuntimeException failure = null;
      try {
        response = next.execute(request, options);
      } catch (RuntimeException e) {
        failure = e;
      }
      if (number == 1 && response != null && response.status() >= 200 && response.status() < 300) {
        budget.onFirstAttemptSuccess();
      }
      RetryDecision decision = decide(new RetryAttempt(operation, number, outcomeOf(response, failure), waited),
          response);
      if (!(decision instanceof RetryDecision.Retry retry) || !withinLimits(number, waited, retry.after())
          || !budget.tryAcquire()) {
        if (failure != null) {
          throw mayHaveActed ? admittingEarlierAttempts(failure) : failure;
        }
        return response;
      }
      mayHaveActed |= response != null ? response.status() >= 500
          : failure instanceof AtlasCommunicationException communication && communication.requestMayHaveBeenProcessed();
      if (response != null) {
        Responses.discard(response);
      }
      context.events().onRetry(operation, number, retry.after(), retry.reason());
      sleep(retry.after(), operation, mayHaveActed);
      waited = waited.plus(retry.after());
    }
  }

  private AttemptOutcome outcomeOf(Response response, RuntimeException failure) {
    return response != null
        ? new AttemptOutcome.Answered(response.status(), Responses.retryAfter(response, clock))
        : new AttemptOutcome.Failed(failure);
  }

  /** The policy's decision; a policy that throws still leaves no answer open. */
  private RetryDecision decide(RetryAttempt attempt, Response response) {
    try {
      return settings.policy().decide(attempt, settings);
    } catch (RuntimeException policyFailed) {
      if (response != null) {
        Responses.discard(response);
      }
      throw policyFailed;
    }
  }

  private boolean withinLimits(int attempts, Duration waited, Duration next) {
    return attempts < settings.maxAttempts() && next.compareTo(settings.maxTotalWait().minus(waited)) <= 0;
  }

  /**
   * An interrupt during a later wait (for a rate-limit slot, say) knows nothing of earlier attempts;
   * when one of them may have reached Atlas, the caller must hear so.
   */
  private static RuntimeException admittingEarlierAttempts(RuntimeException failure) {
    if (failure instanceof AtlasInterruptedException interrupted && !interrupted.requestMayHaveBeenProcessed()) {
      AtlasInterruptedException admitted = new AtlasInterruptedException(interrupted.operationId(),
          "waiting; an earlier attempt may have reached Atlas", true);
      admitted.addSuppressed(interrupted); // its cause is fixed (none) by its constructor: initCause would throw
      return admitted;
    }
    return failure;
  }

  private static void sleep(Duration wait, AtlasOperation operation, boolean mayHaveActed) {
    try {
      TimeUnit.MILLISECONDS.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AtlasInterruptedException(operation.operationId(), "waiting to send the request again", mayHaveActed);
    }
  }
}
