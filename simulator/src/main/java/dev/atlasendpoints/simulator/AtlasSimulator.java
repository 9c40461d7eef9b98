package dev.atlasendpoints.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A local stand-in for the Atlas Administration API's private-endpoint operations, on 127.0.0.1.
 *
 * <p>It speaks the live service's protocol, rough edges included: HTTP Digest verified on every
 * request, service-account tokens, token-bucket rate limits with {@code Retry-After}, 201 where 200
 * is published, explicit {@code null}s, the versioned media type on v2 and plain JSON on v1.0 and on
 * errors, {@code envelope} and {@code pretty}, and deprecation headers. It serves the creates and the
 * reads; created resources move through their statuses on its clock ({@link Lifecycle}) and fail
 * where a test scripts it ({@link #lifecycle()}). Faults are injected on demand. Tests read back what
 * it created and what it counted.
 *
 * <pre>{@code
 * try (AtlasSimulator atlas = AtlasSimulator.builder().apiKey(ApiKey.of("public", "private")).start()) {
 *   URI baseUri = atlas.baseUri();
 *   // point the client at baseUri ...
 * }
 * }</pre>
 */
public final class AtlasSimulator implements AutoCloseable {

  /** The realm Atlas names in its digest challenges. */
  public static final String ATLAS_REALM = "MMS Public API";
  private static final int REQUEST_LOG_CAPACITY = 10_000;

  private final SimulatorSettings settings;
  private final HttpServer server;
  private final ExecutorService executor;
  private final Inventory inventory = new Inventory();
  private final SimulatorCounters counters = new SimulatorCounters();
  private final FaultPlan faults;
  private final LifecyclePlan lifecycle = new LifecyclePlan();
  private final ServiceAccountTokens tokens;
  private final TokenBuckets rateLimits;
  private final Deque<RecordedRequest> requestLog = new ConcurrentLinkedDeque<>();
  private final AtomicInteger requestLogSize = new AtomicInteger();

  private AtlasSimulator(SimulatorSettings settings) throws IOException {
    this.settings = settings;
    this.faults = new FaultPlan(settings.seed());
    ObjectMapper mapper = new ObjectMapper();
    DigestAuthenticator digest = new DigestAuthenticator(settings.realm(), settings.digestAlgorithms(),
        settings.apiKeys(), settings.nonceLifetime(), settings.nonceCountPolicy(), settings.clock());
    this.tokens = new ServiceAccountTokens(settings.serviceAccounts(), settings.tokenLifetime(),
        settings.maxActiveTokens(), settings.tokenRequestLimit(), settings.clock());
    this.rateLimits = new TokenBuckets(settings.rateLimit(), settings.clock());
    StatusTimelines timelines = new StatusTimelines(settings.lifecycle(), lifecycle, settings.clock());
    OperationHandlers operations = new OperationHandlers(
        new CreateHandlers(inventory, timelines, settings.serverlessProviders()),
        new ReadHandlers(inventory, settings.clock()));

    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), settings.port()), 1024);
    AtomicInteger threadNumber = new AtomicInteger();
    this.executor = Executors.newFixedThreadPool(settings.threads(), runnable -> {
      Thread thread = new Thread(runnable, "atlas-simulator-" + threadNumber.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(executor);
    server.createContext("/api/atlas/", serve(AtlasApiPipeline.create(settings, digest, tokens, operations, faults,
        rateLimits, counters, mapper), settings.clock(), mapper));
    // Token requests are stamped by the system clock, not settings.clock(): unchanged from before,
    // although RecordedRequest documents receivedAt as "by the simulator's clock".
    server.createContext("/api/oauth/", serve(new Pipeline(List.of(new OAuthTokenEndpoints(tokens, counters, mapper))),
        Clock.systemUTC(), mapper));
    server.start();
  }

  /** A builder with the live service's defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The base URI to point a client at, e.g. {@code http://127.0.0.1:41234}. */
  public URI baseUri() {
    return URI.create("http://127.0.0.1:" + port());
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** What the simulator created. */
  public Inventory inventory() {
    return inventory;
  }

  /** What the simulator counted. */
  public SimulatorCounters counters() {
    return counters;
  }

  /** The faults to inject; change them at any time. */
  public FaultPlan faults() {
    return faults;
  }

  /** Which created resources fail, and how; change it at any time. The durations are {@link Builder#lifecycle}'s. */
  public LifecyclePlan lifecycle() {
    return lifecycle;
  }

  /** The most recent requests received (at most 10,000), oldest first, credentials redacted. */
  public List<RecordedRequest> requests() {
    return new ArrayList<>(requestLog);
  }

  /** Forgets the recorded requests. */
  public void clearRequests() {
    requestLog.clear();
    requestLogSize.set(0);
  }

  /**
   * Changes the bucket of the rate-limited operations while the simulator runs, as Atlas may: every
   * project's bucket refills at the new rate from its next request, keeping the tokens it holds (at
   * most the new capacity).
   */
  public void changeRateLimit(RateLimit limit) {
    rateLimits.changeLimit(limit);
  }

  /** Live access tokens of a service account. */
  public long activeTokens(String clientId) {
    return tokens.activeTokens(clientId);
  }

  /** A handler that records each request, stamped by {@code clock}, and writes what {@code pipeline} decides. */
  private PipelineHandler serve(Pipeline pipeline, Clock clock, ObjectMapper mapper) {
    PendingRequests pending = new PendingRequests(this::record, clock);
    return new PipelineHandler(pipeline, pending, new ExchangeWriter(mapper, pending), counters,
        settings.maxBodyBytes());
  }

  private void record(RecordedRequest request) {
    requestLog.addLast(request);
    if (requestLogSize.incrementAndGet() > REQUEST_LOG_CAPACITY && requestLog.pollFirst() != null) {
      requestLogSize.decrementAndGet();
    }
  }

  /** Stops serving at once and releases the port and threads. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "AtlasSimulator[" + baseUri() + ", " + counters + "]";
  }

  /** Settings of a simulator; every one has the live service's default. */
  public static final class Builder {
    private final SimulatorSettings.Builder settings = SimulatorSettings.builder();
    private final List<Map.Entry<Double, Fault>> initialFaults = new ArrayList<>();
    private final List<Consumer<LifecyclePlan>> initialFailures = new ArrayList<>();

    private Builder() {}

    /** The port to listen on; 0 (the default) picks a free one. */
    public Builder port(int port) {
      settings.port(port);
      return this;
    }

    /** The digest realm; Atlas uses {@value #ATLAS_REALM}. */
    public Builder realm(String realm) {
      settings.realm(realm);
      return this;
    }

    /** The algorithms to offer, one challenge header each, in this order. Default: MD5, as Atlas. */
    public Builder digestAlgorithms(DigestAlgorithm... algorithms) {
      settings.digestAlgorithms(List.of(algorithms));
      return this;
    }

    /** How long a nonce stays valid; older ones are answered with {@code stale=true}. Default: five minutes. */
    public Builder nonceLifetime(Duration lifetime) {
      settings.nonceLifetime(lifetime);
      return this;
    }

    /** Which nonce counts a nonce accepts. Default: {@link NonceCountPolicy#UNIQUE}. */
    public Builder nonceCountPolicy(NonceCountPolicy policy) {
      settings.nonceCountPolicy(policy);
      return this;
    }

    /** An API key for HTTP Digest. Repeatable. */
    public Builder apiKey(ApiKey key) {
      settings.apiKey(key);
      return this;
    }

    /** A service account for {@code /api/oauth/token}. Repeatable. */
    public Builder serviceAccount(ServiceAccount account) {
      settings.serviceAccount(account);
      return this;
    }

    /** Lifetime of issued access tokens (the {@code expires_in}); Atlas: one hour. */
    public Builder tokenLifetime(Duration lifetime) {
      settings.tokenLifetime(lifetime);
      return this;
    }

    /** Live tokens a service account may hold; Atlas: 100. */
    public Builder maxActiveTokens(int max) {
      settings.maxActiveTokens(max);
      return this;
    }

    /** The per-client limit of the token endpoint. Default: 30, refilled 30 per 60 seconds. */
    public Builder tokenRequestLimit(RateLimit limit) {
      settings.tokenRequestLimit(limit);
      return this;
    }

    /** The bucket of the v2 private-endpoint operations, per project. Default: {@link RateLimit#atlasDefault()}. */
    public Builder rateLimit(RateLimit limit) {
      settings.rateLimit(limit);
      return this;
    }

    /** Whether to send {@code RateLimit-*} and {@code Retry-After}; the live service sometimes omits them. */
    public Builder rateLimitHeaders(boolean send) {
      settings.rateLimitHeaders(send);
      return this;
    }

    /**
     * Whether an empty bucket answers the older, bare 429 the spec's own example shows:
     * {@code RATE_LIMITED} with {@code Retry-After} only, no refill parameters in the body and no
     * {@code RateLimit-*} headers. Default: false ({@code RATE_LIMITED_TOKEN_BUCKET} with parameters).
     */
    public Builder bareRateLimitAnswers(boolean bare) {
      settings.bareRateLimitAnswers(bare);
      return this;
    }

    /**
     * Whether the v1.0 operations are rate-limited too, in their own bucket per project of the same
     * size as {@link #rateLimit}'s, answered with bare 429s as older limits are. Default: false.
     */
    public Builder rateLimitV1(boolean limited) {
      settings.rateLimitV1(limited);
      return this;
    }

    /** Declares a project; once any is declared, requests to others answer 404 GROUP_NOT_FOUND. */
    public Builder project(String projectId) {
      settings.project(projectId);
      return this;
    }

    /** The provider of a serverless instance ({@code AWS}, the default, or {@code AZURE}). */
    public Builder serverlessInstance(String name, String providerName) {
      settings.serverlessInstance(name, providerName);
      return this;
    }

    /** The seed of random faults. Default: 42. */
    public Builder seed(long seed) {
      settings.seed(seed);
      return this;
    }

    /** Whether deprecated operations answer 410 VERSION_GONE, as they may after their sunset. */
    public Builder sunsetEnforced(boolean enforced) {
      settings.sunsetEnforced(enforced);
      return this;
    }

    /**
     * How a caller without rights on a project is answered: 403 {@code USER_CANNOT_ACCESS_GROUP}
     * (the default) or 401 {@code UNAUTHORIZED}, as Atlas answers a valid service-account token
     * that lacks rights on the project.
     */
    public Builder accessDeniedStatus(int status) {
      settings.accessDeniedStatus(status);
      return this;
    }

    /**
     * How long created resources take to become usable, and how long a new one reads as 404. Default:
     * {@link Lifecycle#defaults()}: a service is {@code INITIATING} for 1 s, then {@code AVAILABLE}; an
     * endpoint pending for 1 s; a serverless endpoint {@code RESERVATION_REQUESTED} for 500 ms, then
     * {@code RESERVED} for 500 ms; no 404 window. {@link Lifecycle#immediate()} makes everything usable at once.
     */
    public Builder lifecycle(Lifecycle lifecycle) {
      settings.lifecycle(lifecycle);
      return this;
    }

    /**
     * The next resource of {@code kind} created ends {@code FAILED} ({@code REJECTED} for an AWS endpoint)
     * with {@code errorMessage}, as {@link LifecyclePlan#failNext}. Repeatable: failures queue up.
     */
    public Builder failNext(ResourceKind kind, String errorMessage) {
      LifecyclePlan.requireFailure(kind, errorMessage);
      initialFailures.add(plan -> plan.failNext(kind, errorMessage));
      return this;
    }

    /**
     * Every resource of {@code kind} created with {@code key} (a region, an endpoint's id, an instance
     * name: see {@link ResourceKind}) ends failed with {@code errorMessage}, as {@link LifecyclePlan#fail}.
     */
    public Builder fail(ResourceKind kind, String key, String errorMessage) {
      LifecyclePlan.requireFailure(kind, errorMessage);
      java.util.Objects.requireNonNull(key, "key");
      initialFailures.add(plan -> plan.fail(kind, key, errorMessage));
      return this;
    }

    /**
     * The clock of nonce and token expiry, of the rate limits and of resource lifecycles. Default: the
     * system clock; a {@link ManualClock} lets a test step through them without sleeping.
     */
    public Builder clock(Clock clock) {
      settings.clock(clock);
      return this;
    }

    /** Worker threads; requests with injected latency each hold one while they wait. Default: 64. */
    public Builder threads(int threads) {
      settings.threads(threads);
      return this;
    }

    /** Largest request body accepted. Default: 1 MiB. */
    public Builder maxBodyBytes(int max) {
      settings.maxBodyBytes(max);
      return this;
    }

    /** A random fault on every operation from the start, as {@link FaultPlan#withProbability(double, Fault)}. */
    public Builder initialFault(double probability, Fault fault) {
      initialFaults.add(Map.entry(probability, fault));
      return this;
    }

    /**
     * Starts the simulator on 127.0.0.1. Sets two JVM-wide properties of the JDK's HTTP server first,
     * unless the application has set them: see the simulator's README.
     */
    public AtlasSimulator start() {
      SimulatorSettings built = settings.build();
      JdkServerTuning.applyUnlessSet();
      try {
        AtlasSimulator simulator = new AtlasSimulator(built);
        initialFaults.forEach(f -> simulator.faults().withProbability(f.getKey(), f.getValue()));
        initialFailures.forEach(failure -> failure.accept(simulator.lifecycle()));
        return simulator;
      } catch (IOException e) {
        throw new java.io.UncheckedIOException("the simulator could not listen on port " + built.port(), e);
      }
    }
  }
}
