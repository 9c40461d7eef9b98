package dev.atlasendpoints.resilience;

import dev.atlasendpoints.core.AtlasCall;
import dev.atlasendpoints.core.AtlasOperation;
import dev.atlasendpoints.core.LayerContext;
import dev.atlasendpoints.core.Responses;
import dev.atlasendpoints.core.errors.AtlasInterruptedException;
import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.lang.ref.WeakReference;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The decorator behind {@link RateLimitLayer}: one {@link SendQueue} per endpoint set and project,
 * for every operation (v1.0 included, as older limits apply there too).
 */
final class RateLimitingClient implements Client {

  /** The longest any 429 or empty bucket pauses a bucket. */
  static final Duration MAX_PAUSE = Duration.ofMinutes(15);

  /** {@code wait}, or {@link #MAX_PAUSE} when longer. */
  static Duration capped(Duration wait) {
    return wait.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : wait;
  }

  private final Client next;
  private final RateLimitSettings settings;
  private final LayerContext context;
  private final Clock clock;
  private final SendQueues queues;
  /**
   * Each call's place in line: the retry layer sends the same request object again, on the same
   * thread, so a retried call keeps the ticket it drew first. Kept per thread (its last request and
   * ticket) rather than in a map shared by all threads with weak keys, which every call locked. The
   * request is held weakly: a thread's last request (its body included) must not outlive the call.
   */
  private final ThreadLocal<LastTicket> tickets = ThreadLocal.withInitial(LastTicket::new);
  private final AtomicLong nextTicket = new AtomicLong();

  /** The ticket a thread drew last, and for which request. */
  private static final class LastTicket {
    WeakReference<Request> request = new WeakReference<>(null);
    long ticket;
  }

  RateLimitingClient(Client next, RateLimitSettings settings, LayerContext context, Clock clock) {
    this.next = next;
    this.settings = settings;
    this.context = context;
    this.clock = clock;
    this.queues = new SendQueues(settings.idleEviction().toNanos(), settings.maxBuckets(), System.nanoTime());
  }

  @Override
  public Response execute(Request request, Request.Options options) throws IOException {
    AtlasCall call = context.call(request);
    AtlasOperation operation = call.operation();
    String endpointSet = operation.endpointSet();
    String key = endpointSet + "@" + (call.projectId() == null ? "" : call.projectId());
    SendQueue queue = queues.acquire(key, k -> newQueue(endpointSet, k), System.nanoTime());
    try {
      long askedSharedAt = awaitSlot(queue, ticketOf(request), operation);
      Response response = next.execute(request, options);
      return settings.learnFromService() ? learn(queue, response, askedSharedAt) : response;
    } finally {
      queue.release();
    }
  }

  private long ticketOf(Request request) {
    LastTicket last = tickets.get();
    if (last.request.get() != request) {
      last.request = new WeakReference<>(request);
      last.ticket = nextTicket.incrementAndGet();
    }
    return last.ticket;
  }

  private SendQueue newQueue(String endpointSet, String key) {
    RateLimitSettings.Limit limit = settings.limitFor(endpointSet);
    return new SendQueue(new CubicSendRate(settings.adaptive(), limit.perSecond()), limit.permits(),
        rate -> context.events().onRateChange(endpointSet, rate),
        settings.sharedStore().map(store -> store.bucket(key, limit)).orElse(null),
        () -> context.events().onSharedLimitsFallback(endpointSet), System.nanoTime());
  }

  /**
   * At most {@code maxWait} in all, pause and turn included; refused at once when that is known to be
   * too short. Returns when the slot's token was asked of the shared bucket, or
   * {@link SendQueue#LOCAL_LIMITS}.
   */
  private long awaitSlot(SendQueue queue, long ticket, AtlasOperation operation) {
    long start = System.nanoTime();
    long askedSharedAt;
    try {
      askedSharedAt = queue.await(ticket, start + settings.maxWait().toNanos());
    } catch (SendQueue.TooLong tooLong) {
      context.events().onClientThrottle(operation, Duration.ofNanos(System.nanoTime() - start), true);
      throw new AtlasClientThrottledException(operation.operationId(), Duration.ofNanos(tooLong.wouldWaitNanos),
          settings.maxWait());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AtlasInterruptedException(operation.operationId(), "waiting for a client-side rate-limit slot", false);
    }
    long waited = System.nanoTime() - start;
    if (waited > TimeUnit.MILLISECONDS.toNanos(1)) {
      context.events().onClientThrottle(operation, Duration.ofNanos(waited), false);
    }
    return askedSharedAt;
  }

  /**
   * After a 429 the bucket pauses until {@code Retry-After} and either adopts the refill rate the
   * answer states (Atlas's parameters: set, wait, capacity, refill, seconds) or, when it states none,
   * lowers its rate by the CUBIC rule (the fleet's rate, when the attempt took a shared token); a
   * {@code RateLimit-Remaining} of 0 pauses it before it answers 429; every other answer counts as
   * accepted.
   */
  private Response learn(SendQueue queue, Response response, long askedSharedAt) {
    long now = System.nanoTime();
    if (response.status() == 429) {
      Duration wait = Responses.retryAfter(response, clock).orElse(settings.emptyBucketPause());
      Duration pause = capped(wait);
      queue.pauseUntil(now + pause.toNanos());
      byte[] body;
      try {
        body = Responses.readBody(response, ServiceRefillRate.MAX_BYTES, context.call(response.request())
            .operation().operationId());
      } finally {
        Responses.discard(response); // read, or refused as too large: either way done with
      }
      ServiceRefillRate.of(body).ifPresentOrElse(
          queue::onStatedRate,
          () -> queue.onUnstatedThrottle(now, askedSharedAt, pause));
      return response.toBuilder().body(body).build(); // the body was read: hand on a copy
    }
    queue.onAnswer(false, now);
    Responses.header(response.headers(), "RateLimit-Remaining").ifPresent(remaining -> {
      if (remaining.trim().equals("0")) {
        queue.pauseUntil(now + settings.emptyBucketPause().toNanos());
      }
    });
    return response;
  }
}
