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
 * decides — waits, spends the shared budget, closes discarded answers and reports each retry.
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
    boolean mayHaveActed = false; // whether any attempt so far may have reached Atlas
    for (int number = 1; ; number++) {
      Response response = null;
      RuntimeException failure = null;
      try {
        response = next.execute(request, options);
      } catch (RuntimeException e) {
        failure = e;
      }
      AttemptOutcome outcome = response != null
          ? new AttemptOutcome.Answered(response.status(), Responses.retryAfter(response, clock))
          : new AttemptOutcome.Failed(failure);
      if (number == 1 && response != null && response.status() >= 200 && response.status() < 300) {
        budget.onFirstAttemptSuccess();
      }
      RetryDecision decision = settings.policy().decide(new RetryAttempt(operation, number, outcome, waited), settings);
      if (!(decision instanceof RetryDecision.Retry retry) || !budget.tryAcquire()) {
        if (failure != null) {
          throw failure;
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

  private static void sleep(Duration wait, AtlasOperation operation, boolean mayHaveActed) {
    try {
      TimeUnit.MILLISECONDS.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AtlasInterruptedException(operation.operationId(), "waiting to send the request again", mayHaveActed);
    }
  }
}
