package dev.atlasendpoints.resilience;

import dev.atlasendpoints.core.AtlasOperation;
import dev.atlasendpoints.core.ClientEventListener;
import dev.atlasendpoints.core.RetryAfter;
import dev.atlasendpoints.core.errors.AtlasAmbiguousOutcomeException;
import dev.atlasendpoints.core.errors.AtlasConnectionException;
import dev.atlasendpoints.core.internal.Responses;
import feign.Client;
import feign.Request;
import feign.Response;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The decorator behind {@link RetryLayer}. Resilience4j's Retry runs the attempts and waits; the
 * decision of each attempt (retry or not, and how long to wait) is this call's {@link CallState},
 * which Resilience4j's predicates consult on the calling thread.
 */
final class RetryingClient implements Client {

  private final Client delegate;
  private final RetrySettings settings;
  private final RetryBudget budget;
  private final ClientEventListener events;
  private final Clock clock;
  private final Retry retry;
  private final ThreadLocal<CallState> currentCall = new ThreadLocal<>();

  RetryingClient(Client delegate, RetrySettings settings, RetryBudget budget, ClientEventListener events, Clock clock) {
    this.delegate = delegate;
    this.settings = settings;
    this.budget = budget;
    this.events = events;
    this.clock = clock;
    this.retry = Retry.of("atlas", RetryConfig.<Response>custom()
        .maxAttempts(settings.maxAttempts())
        .retryOnResult(response -> currentCall.get().retries(response))
        .retryOnException(thrown -> currentCall.get().retries(thrown))
        .intervalBiFunction((attempt, outcome) -> currentCall.get().plannedWait.toMillis())
        .consumeResultBeforeRetryAttempt((attempt, response) -> Responses.discard(response))
        .failAfterMaxAttempts(false)
        .build());
  }

  @Override
  public Response execute(Request request, Request.Options options) throws IOException {
    CallState call = new CallState(AtlasOperation.of(request).orElse(null));
    currentCall.set(call);
    try {
      return Retry.decorateCheckedSupplier(retry, () -> delegate.execute(request, options)).get();
    } catch (IOException | RuntimeException | Error e) {
      throw e;
    } catch (Throwable other) {
      throw new IllegalStateException(other);
    } finally {
      currentCall.remove();
    }
  }

  /** One call's attempts: decides each retry and remembers the waits so far. */
  private final class CallState {
    private final AtlasOperation operation;
    private int attempts;
    private Duration waited = Duration.ZERO;
    private Duration plannedWait = Duration.ZERO;

    CallState(AtlasOperation operation) {
      this.operation = operation;
    }

    boolean retries(Response response) {
      attempts++;
      int status = response.status();
      boolean retryable = status == 429 || (status >= 500 && settings.replayAmbiguousOutcomes());
      if (!retryable) {
        if (attempts == 1 && status >= 200 && status < 300) {
          budget.onFirstAttemptSuccess();
        }
        return false;
      }
      Duration serverWait = RetryAfter.parse(Responses.header(response.headers(), "Retry-After").orElse(null), clock)
          .orElse(null);
      return plan(serverWait, String.valueOf(status));
    }

    boolean retries(Throwable thrown) {
      attempts++;
      boolean neverSent = thrown instanceof AtlasConnectionException;
      boolean mayBeProcessed = thrown instanceof AtlasAmbiguousOutcomeException;
      if (!neverSent && !(mayBeProcessed && settings.replayAmbiguousOutcomes())) {
        return false;
      }
      return plan(null, thrown.getClass().getSimpleName());
    }

    /** Waits at least what Atlas asked, plus exponential backoff with jitter; within every bound. */
    private boolean plan(Duration serverWait, String reason) {
      if (attempts >= settings.maxAttempts()) {
        return false;
      }
      Duration backoff = backoff(attempts);
      Duration wait = serverWait == null
          ? jitter(backoff.dividedBy(2), backoff)
          : serverWait.plus(jitter(Duration.ZERO, backoff.dividedBy(2)));
      if (waited.plus(wait).compareTo(settings.maxTotalWait()) > 0 || !budget.tryAcquire()) {
        return false;
      }
      waited = waited.plus(wait);
      plannedWait = wait;
      events.onRetry(operation, attempts, wait, reason);
      return true;
    }

    private Duration backoff(int failedAttempts) {
      double millis = settings.initialBackoff().toMillis() * Math.pow(settings.multiplier(), failedAttempts - 1);
      return Duration.ofMillis((long) Math.min(millis, settings.maxBackoff().toMillis()));
    }

    private Duration jitter(Duration low, Duration high) {
      long span = high.toMillis() - low.toMillis();
      return low.plusMillis(span <= 0 ? 0 : ThreadLocalRandom.current().nextLong(span + 1));
    }
  }
}
