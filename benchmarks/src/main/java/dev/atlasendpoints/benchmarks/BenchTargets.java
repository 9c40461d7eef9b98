package dev.atlasendpoints.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.atlasendpoints.core.AtlasClient;
import dev.atlasendpoints.generated.json.AtlasJson;
import dev.atlasendpoints.generated.api.ServerlessPrivateEndpointsApi;
import dev.atlasendpoints.generated.model.ServerlessTenantCreateRequest;
import dev.atlasendpoints.generated.model.ServerlessTenantEndpoint;
import dev.atlasendpoints.metrics.AtlasMetrics;
import dev.atlasendpoints.resilience.RateLimitLayer;
import dev.atlasendpoints.resilience.RateLimitSettings;
import dev.atlasendpoints.resilience.RetryLayer;
import dev.atlasendpoints.resilience.RetrySettings;
import dev.atlasendpoints.simulator.ApiKey;
import dev.atlasendpoints.simulator.AtlasSimulator;
import dev.atlasendpoints.simulator.RateLimit;
import dev.atlasendpoints.simulator.ServiceAccount;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** The things the load drivers compare: the SDK's stacks and the floor, against one simulator. */
final class BenchTargets {

  static final String PROJECT = "32b6e34b3d91647abb20e7b8";
  static final String INSTANCE = "bench";
  static final String PATH = "/api/atlas/v2/groups/" + PROJECT + "/privateEndpoint/serverless/instance/" + INSTANCE
      + "/endpoint";
  static final String BODY = "{\"comment\":\"bench\"}";
  static final String MEDIA_TYPE = "application/vnd.atlas.2023-01-01+json";

  private BenchTargets() {}

  /** A simulator that never throttles: the limits under test are the client's. */
  static AtlasSimulator simulator() {
    return AtlasSimulator.builder().rateLimit(RateLimit.unlimited()).threads(128)
        .apiKey(ApiKey.of("bench-public", "bench-private"))
        .serviceAccount(ServiceAccount.of("bench-client", "bench-secret"))
        .tokenRequestLimit(new RateLimit(1000, 1000, 1)).start();
  }

  /** One call of the SDK or the floor. */
  @FunctionalInterface
  interface Call {
    void run() throws Exception;
  }

  /** Digest, retry, a rate limiter it never reaches, and metrics: everything a production client has. */
  static AtlasClient fullStack(AtlasSimulator simulator, boolean digest) {
    return stack(simulator, digest, true, true, true);
  }

  /** The core client with the chosen layers, in the full stack's order: retry, rate limit, metrics. */
  static AtlasClient stack(AtlasSimulator simulator, boolean digest, boolean retry, boolean rateLimit,
      boolean metered) {
    AtlasClient.Builder builder = AtlasClient.builder().baseUrl(simulator.baseUri().toString());
    if (retry) {
      builder.layer(RetryLayer.of(RetrySettings.defaults()));
    }
    if (rateLimit) {
      builder.layer(RateLimitLayer.of(RateLimitSettings.builder().defaultLimit(1_000_000, Duration.ofSeconds(1)).build()));
    }
    if (metered) {
      AtlasMetrics metrics = AtlasMetrics.of(new SimpleMeterRegistry());
      builder.layer(metrics.callLayer()).layer(metrics.exchangeLayer()).listener(metrics.eventListener());
    }
    return (digest ? builder.apiKey("bench-public", "bench-private")
        : builder.serviceAccount("bench-client", "bench-secret")).build();
  }

  /** Digest only: the naive-vs-SDK exchange comparison needs nothing else. */
  static AtlasClient digestOnly(AtlasSimulator simulator) {
    return AtlasClient.builder().baseUrl(simulator.baseUri().toString()).apiKey("bench-public", "bench-private").build();
  }

  @SuppressWarnings("deprecation")
  static Call sdkCall(AtlasClient client) {
    ServerlessPrivateEndpointsApi api = client.api(ServerlessPrivateEndpointsApi.class);
    ServerlessTenantCreateRequest request = new ServerlessTenantCreateRequest().comment("bench");
    return () -> api.createServerlessPrivateEndpoint(PROJECT, INSTANCE, request);
  }

  /** The floor: the JDK's HTTP client posting the same bytes with a precomputed Authorization header. */
  static Call floorCall(AtlasSimulator simulator) throws IOException, InterruptedException {
    return floorCall(simulator, HttpClient.Version.HTTP_2);
  }

  /**
   * The floor with the HTTP version the JDK client asks for: {@code HTTP_2} (the JDK's default, which
   * over plain http offers an h2c upgrade the simulator declines) or {@code HTTP_1_1}, as the SDK's
   * transport does.
   */
  static Call floorCall(AtlasSimulator simulator, HttpClient.Version version) throws IOException, InterruptedException {
    return floorCall(simulator, version, null);
  }

  /**
   * The floor over {@code version}, with a per-request {@code timeout} (the JDK then arms a timer in
   * its selector for every exchange) or none ({@code null}), as the floor has always been run.
   */
  static Call floorCall(AtlasSimulator simulator, HttpClient.Version version, Duration timeout)
      throws IOException, InterruptedException {
    return floorCall(simulator, HttpClient.newBuilder().version(version).build(), timeout);
  }

  /**
   * The floor with the JDK client set up as the SDK's default transport set it up until issue 17's
   * latency work: HTTP/1.1, no redirects, a connect timeout, its own cached thread pool, and the read
   * timeout on each request. The transport now runs the executor's tasks inline: see
   * {@link #floorInline}.
   */
  static Call floorAsSdkConfiguresIt(AtlasSimulator simulator) throws IOException, InterruptedException {
    return floorCall(simulator, configuredAsSdk("floor-http"), Duration.ofSeconds(60));
  }

  /** A JDK client configured as the SDK's transport configures it; its threads named {@code threadName}. */
  private static HttpClient configuredAsSdk(String threadName) {
    return configuredAsSdk(java.util.concurrent.Executors.newCachedThreadPool(runnable -> {
      Thread thread = new Thread(runnable, threadName);
      thread.setDaemon(true);
      return thread;
    }));
  }

  private static HttpClient configuredAsSdk(java.util.concurrent.Executor executor) {
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10))
        .executor(executor).build();
  }

  /**
   * {@link #floorAsSdkConfiguresIt} with an executor that runs every task where it is handed over:
   * the JDK's selector thread then parses the answer and completes the call itself, instead of handing
   * that to a pool thread it must wake (several times per exchange).
   */
  static Call floorInline(AtlasSimulator simulator) throws IOException, InterruptedException {
    return floorCall(simulator, configuredAsSdk(Runnable::run), Duration.ofSeconds(60));
  }

  /**
   * {@link #floorAsSdkConfiguresIt} reading the answer through a body subscriber of its own (one
   * that hands every signal to the JDK's {@code ofByteArray()} subscriber and does nothing else), as
   * any client that bounds or inspects the body as it arrives must. The JDK treats a subscriber it did
   * not write as untrusted: it calls its {@code getBody()} on the client's executor, one more thread
   * handed a task per exchange, where its own subscribers are completed inline.
   */
  static Call floorOwnSubscriber(AtlasSimulator simulator) throws IOException, InterruptedException {
    return floorAsSdkReadingWith(simulator, "floor-own-subscriber-http",
        (HttpResponse.BodyHandler<byte[]>) info -> new Delegating(HttpResponse.BodySubscribers.ofByteArray()));
  }

  /**
   * {@link #floorAsSdkConfiguresIt} reading the answer through the JDK's own
   * {@code BodySubscribers.ofByteArrayConsumer} (each chunk handed to a consumer that keeps it), as the
   * SDK's transport read every body before issue 17's latency work. That subscriber asks for one chunk
   * at a time ({@code request(1)}), where {@code ofByteArray()} asks for all at once: what the difference
   * costs per exchange.
   */
  static Call floorConsumer(AtlasSimulator simulator) throws IOException, InterruptedException {
    return floorAsSdkReadingWith(simulator, "floor-consumer-http", (HttpResponse.BodyHandler<Void>) info -> {
      java.io.ByteArrayOutputStream kept = new java.io.ByteArrayOutputStream();
      return HttpResponse.BodySubscribers.ofByteArrayConsumer(chunk -> chunk.ifPresent(kept::writeBytes));
    });
  }

  private static Call floorAsSdkReadingWith(AtlasSimulator simulator, String threadName,
      HttpResponse.BodyHandler<?> handler) throws IOException, InterruptedException {
    HttpClient http = configuredAsSdk(threadName);
    HttpRequest request = floorRequest(simulator, http, Duration.ofSeconds(60));
    return () -> {
      HttpResponse<?> response = http.send(request, handler);
      if (response.statusCode() != 201) {
        throw new IllegalStateException("floor got " + response.statusCode());
      }
    };
  }

  /** A body subscriber the JDK did not write: hands every signal on, unchanged. */
  private record Delegating(HttpResponse.BodySubscriber<byte[]> inner) implements HttpResponse.BodySubscriber<byte[]> {
    @Override
    public java.util.concurrent.CompletionStage<byte[]> getBody() {
      return inner.getBody();
    }

    @Override
    public void onSubscribe(java.util.concurrent.Flow.Subscription subscription) {
      inner.onSubscribe(subscription);
    }

    @Override
    public void onNext(java.util.List<java.nio.ByteBuffer> item) {
      inner.onNext(item);
    }

    @Override
    public void onError(Throwable throwable) {
      inner.onError(throwable);
    }

    @Override
    public void onComplete() {
      inner.onComplete();
    }
  }

  /**
   * The floor plus what the SDK must do with every answer: decode the body, with the SDK's own
   * mapper settings, into the generated model the SDK's method returns. The reader is made once,
   * so this is the least that decoding can cost; the floor's other steps are unchanged.
   */
  static Call floorDecodingCall(AtlasSimulator simulator) throws IOException, InterruptedException {
    ObjectReader reader = AtlasJson.newMapper().readerFor(ServerlessTenantEndpoint.class);
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
    HttpRequest request = floorRequest(simulator, http, null);
    return floorCall(http, () -> request, decoding(reader));
  }

  /**
   * {@link #floorDecodingCall} that also does per call the request-side work any client of varying
   * arguments must: encode the body from the model with the SDK's mapper, parse the URL and build a
   * new request with the SDK's headers (the floor builds one request, once, and resends it).
   */
  static Call floorPerCallRequestCall(AtlasSimulator simulator) throws IOException, InterruptedException {
    ObjectMapper mapper = AtlasJson.newMapper();
    ObjectReader reader = mapper.readerFor(ServerlessTenantEndpoint.class);
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
    String authorization = "Bearer " + token(http, simulator.baseUri());
    String url = simulator.baseUri().resolve(PATH).toString();
    ServerlessTenantCreateRequest body = new ServerlessTenantCreateRequest().comment("bench");
    return floorCall(http, () -> HttpRequest.newBuilder(new URI(url))
        .header("Authorization", authorization).header("Content-Type", MEDIA_TYPE)
        .header("Accept", "application/json," + MEDIA_TYPE).header("User-Agent", "atlas-endpoints-bench")
        .POST(HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(body))).build(), decoding(reader));
  }

  private static AnswerUse decoding(ObjectReader reader) {
    return body -> {
      if (!(reader.readValue(body) instanceof ServerlessTenantEndpoint)) {
        throw new IllegalStateException("floor+decode got no endpoint");
      }
    };
  }

  /** What a floor does with the answer's body besides reading it. */
  @FunctionalInterface
  private interface AnswerUse {
    void use(byte[] body) throws IOException;
  }

  /** Where a floor's request for each call comes from. */
  @FunctionalInterface
  private interface RequestSource {
    HttpRequest next() throws Exception;
  }

  private static Call floorCall(AtlasSimulator simulator, HttpClient http, Duration timeout)
      throws IOException, InterruptedException {
    HttpRequest request = floorRequest(simulator, http, timeout);
    return floorCall(http, () -> request, body -> { });
  }

  private static HttpRequest floorRequest(AtlasSimulator simulator, HttpClient http, Duration timeout)
      throws IOException, InterruptedException {
    HttpRequest.Builder builder = HttpRequest.newBuilder(simulator.baseUri().resolve(PATH));
    if (timeout != null) {
      builder.timeout(timeout);
    }
    return builder
        .header("Authorization", "Bearer " + token(http, simulator.baseUri()))
        .header("Content-Type", MEDIA_TYPE).header("Accept", MEDIA_TYPE)
        .POST(HttpRequest.BodyPublishers.ofString(BODY)).build();
  }

  private static Call floorCall(HttpClient http, RequestSource requests, AnswerUse use) {
    return () -> {
      HttpResponse<byte[]> response = http.send(requests.next(), HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 201) {
        throw new IllegalStateException("floor got " + response.statusCode());
      }
      use.use(response.body());
    };
  }

  private static String token(HttpClient http, URI base) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/oauth/token"))
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString("bench-client:bench-secret".getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build();
    String body = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    return body.replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
  }
}
