package dev.atlasendpoints.core;

import dev.atlasendpoints.core.auth.ApiKeyCredentials;
import dev.atlasendpoints.core.auth.ServiceAccountCredentials;
import dev.atlasendpoints.core.internal.ClientAssembly;
import feign.Client;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The entry point: an immutable, thread-safe client that hands out the generated API interfaces
 * wired with authentication, content negotiation, validation, error mapping and any layers added.
 *
 * <pre>{@code
 * try (AtlasClient atlas = AtlasClient.builder()
 *     .apiKey(System.getenv("ATLAS_PUBLIC_KEY"), System.getenv("ATLAS_PRIVATE_KEY"))
 *     .build()) {
 *   PrivateEndpointServicesApi services = atlas.api(PrivateEndpointServicesApi.class);
 *   EndpointService created = services.createPrivateEndpointService(projectId,
 *       new CloudProviderEndpointServiceRequest().providerName(CloudProvider.AWS).region("us-east-1"));
 * }
 * }</pre>
 */
public final class AtlasClient implements AutoCloseable {

  /** Where Atlas lives. */
  public static final String DEFAULT_BASE_URL = "https://cloud.mongodb.com";
  private static final System.Logger LOG = System.getLogger("dev.atlasendpoints.core");

  private final String baseUrl;
  private final ClientAssembly.Assembled assembled;
  private final Map<Class<?>, Object> apis = new ConcurrentHashMap<>();

  private AtlasClient(String baseUrl, ClientAssembly.Assembled assembled) {
    this.baseUrl = baseUrl;
    this.assembled = assembled;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * A generated API interface (e.g. {@code PrivateEndpointServicesApi}) wired with everything.
   * The same instance is returned for the same type; it is thread-safe.
   */
  public <T> T api(Class<T> type) {
    Objects.requireNonNull(type, "type");
    return type.cast(apis.computeIfAbsent(type, t -> ClientAssembly.api(type, baseUrl, assembled)));
  }

  public String baseUrl() {
    return baseUrl;
  }

  /** The layers in the order they wrap a request, outermost first. */
  public List<String> layerOrder() {
    return assembled.layers().stream().map(l -> l.position() + ":" + l.name()).toList();
  }

  /**
   * Releases what this client created (its HTTP threads, its service-account token), not what the
   * caller passed in (a transport, layers). Final: later calls fail at once with
   * {@code IllegalStateException}, and nothing is fetched after it. Calls still waiting for an
   * answer on the default transport end at once with {@code AtlasAmbiguousOutcomeException} (the
   * request may have reached Atlas).
   */
  @Override
  public void close() {
    if (assembled.closed().getAndSet(true)) {
      return;
    }
    for (AutoCloseable closeable : assembled.closeables()) {
      try {
        closeable.close();
      } catch (Exception e) {
        LOG.log(Level.DEBUG, "closing " + closeable.getClass().getSimpleName() + " failed", e);
      }
    }
    if (assembled.ownedExecutor() != null) {
      assembled.ownedExecutor().shutdownNow();
    }
  }

  /** True once {@link #close()} has released the threads the client created (none if the caller brought a transport). */
  boolean isReleased() {
    return assembled.ownedExecutor() == null || assembled.ownedExecutor().isShutdown();
  }

  @Override
  public String toString() {
    return "AtlasClient[" + baseUrl + ", layers=" + layerOrder() + "]";
  }

  /** Builds an {@link AtlasClient}. Exactly one kind of credentials is required. */
  public static final class Builder {
    private String baseUrl = DEFAULT_BASE_URL;
    private Supplier<ApiKeyCredentials> apiKey;
    private Supplier<ServiceAccountCredentials> serviceAccount;
    private Client transport;
    private HttpSettings httpSettings = HttpSettings.defaults();
    private final List<ClientLayer> layers = new ArrayList<>();
    private final List<ClientEventListener> listeners = new ArrayList<>();
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** The API's base URL; default {@value AtlasClient#DEFAULT_BASE_URL}. */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
      return this;
    }

    /** HTTP Digest with a fixed API key. */
    public Builder apiKey(String publicKey, String privateKey) {
      ApiKeyCredentials key = new ApiKeyCredentials(publicKey, privateKey);
      return apiKey(() -> key);
    }

    /** HTTP Digest with keys read on every request, so they can rotate without a new client. */
    public Builder apiKey(Supplier<ApiKeyCredentials> provider) {
      this.apiKey = Objects.requireNonNull(provider, "provider");
      return this;
    }

    /** A service account (OAuth2 client credentials) with a fixed secret. */
    public Builder serviceAccount(String clientId, String clientSecret) {
      ServiceAccountCredentials account = new ServiceAccountCredentials(clientId, clientSecret);
      return serviceAccount(() -> account);
    }

    /** A service account whose secret is read whenever a token is fetched. */
    public Builder serviceAccount(Supplier<ServiceAccountCredentials> provider) {
      this.serviceAccount = Objects.requireNonNull(provider, "provider");
      return this;
    }

    /**
     * The {@code feign.Client} that talks HTTP; default: the JDK's HTTP client (HTTP/2, pooled).
     * The client never closes a transport it was given.
     */
    public Builder transport(Client transport) {
      this.transport = Objects.requireNonNull(transport, "transport");
      return this;
    }

    public Builder httpSettings(HttpSettings settings) {
      this.httpSettings = Objects.requireNonNull(settings, "settings");
      return this;
    }

    /** Adds a layer; its position, not the order of calls, decides where it sits. */
    public Builder layer(ClientLayer layer) {
      Objects.requireNonNull(layer, "layer");
      if (layers.stream().anyMatch(l -> l.name().equals(layer.name()))) {
        throw new IllegalArgumentException("the layer " + layer.name() + " was added twice");
      }
      layers.add(layer);
      return this;
    }

    /**
     * Adds a listener of the events layers report (retries, client-side waits), whichever layers
     * are present. Listeners must be fast; one that throws is logged and never felt by the call.
     */
    public Builder listener(ClientEventListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /** The clock of token expiry and {@code Retry-After} dates. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public AtlasClient build() {
      if ((apiKey == null) == (serviceAccount == null)) {
        throw new IllegalStateException("configure exactly one of apiKey(...) or serviceAccount(...)");
      }
      String url = checkedBaseUrl(baseUrl, httpSettings.allowInsecureHttp());
      return new AtlasClient(url, ClientAssembly.assemble(url, httpSettings, transport, apiKey, serviceAccount,
          layers, listeners, clock));
    }

    private static String checkedBaseUrl(String baseUrl, boolean allowInsecureHttp) {
      URI uri;
      try {
        uri = URI.create(baseUrl.trim());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("baseUrl is not a URL", e);
      }
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
      if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
        throw new IllegalArgumentException("baseUrl must be an absolute http(s) URL, e.g. " + DEFAULT_BASE_URL);
      }
      if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
        throw new IllegalArgumentException("baseUrl must not carry a query, a fragment or user info");
      }
      if (scheme.equals("http") && !allowInsecureHttp && !isLoopback(uri.getHost())) {
        throw new IllegalArgumentException("plain http:// is allowed only to loopback addresses; use https:// or "
            + "HttpSettings.allowInsecureHttp(true)");
      }
      String text = uri.toString();
      return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    private static boolean isLoopback(String host) {
      if (host.equalsIgnoreCase("localhost")) {
        return true;
      }
      String literal = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
      if (!literal.matches("[0-9.]+") && !literal.contains(":")) {
        return false; // a name other than localhost: never resolved here
      }
      try {
        return InetAddress.getByName(literal).isLoopbackAddress();
      } catch (UnknownHostException e) {
        return false;
      }
    }
  }
}
