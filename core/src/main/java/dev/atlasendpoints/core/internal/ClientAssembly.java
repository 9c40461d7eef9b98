package dev.atlasendpoints.core.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atlasendpoints.core.ClientEventListener;
import dev.atlasendpoints.core.ClientLayer;
import dev.atlasendpoints.core.HttpSettings;
import dev.atlasendpoints.core.LayerPosition;
import dev.atlasendpoints.core.auth.ApiKeyCredentials;
import dev.atlasendpoints.core.auth.ServiceAccountCredentials;
import dev.atlasendpoints.core.internal.auth.BearerAuthentication;
import dev.atlasendpoints.core.internal.auth.DigestAuthentication;
import dev.atlasendpoints.core.internal.auth.ServiceAccountTokens;
import dev.atlasendpoints.generated.json.AtlasJson;
import feign.Client;
import feign.Request;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Builds everything behind an {@code AtlasClient}: the transport (unless the caller brought one),
 * the transport boundary, the authentication layer, the caller's layers in their fixed order, and
 * what every API's calls share (decoding, error answers, the {@code User-Agent}).
 */
public final class ClientAssembly {

  /**
   * What the client holds on to.
   *
   * @param pipeline the layers around the transport, outermost first
   */
  public record Assembled(Client pipeline, Request.Options options, SpecIndex spec, ObjectMapper mapper,
      AtlasDecoder decoder, ErrorAnswers errors, String userAgent, List<ClientLayer> layers,
      List<AutoCloseable> closeables, ExecutorService ownedExecutor, AtomicBoolean closed) {}

  private ClientAssembly() {}

  public static Assembled assemble(String baseUrl, HttpSettings settings, Client userTransport,
      Supplier<ApiKeyCredentials> apiKey, Supplier<ServiceAccountCredentials> serviceAccount,
      List<ClientLayer> userLayers, List<ClientEventListener> listeners, Clock clock) {
    SpecIndex spec = SpecIndex.instance();
    ObjectMapper mapper = AtlasJson.newMapper();
    Request.Options options = new Request.Options(settings.connectTimeout(), settings.readTimeout(), false);
    ExecutorService ownedExecutor = userTransport == null ? httpExecutor(baseUrl) : null;
    CallWatchdog watchdog = userTransport == null ? new CallWatchdog(settings.readTimeout()) : null;
    Client transport = userTransport != null ? userTransport : new JdkTransport(HttpClient.newBuilder()
        // HTTP/1.1: cancelling a stalled HTTP/2 exchange resets only its stream and keeps the
        // connection pooled, so a path that silently drops packets would stall every later call on it.
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER)
        // The read deadline covers the whole exchange, connecting included: a connection that takes
        // longer must fail as never sent, before the exchange's deadline calls it ambiguous.
        .connectTimeout(settings.connectTimeout().compareTo(settings.readTimeout()) < 0
            ? settings.connectTimeout() : settings.readTimeout().dividedBy(2))
        .executor(ownedExecutor)
        .build(), settings.maxResponseBytes(), watchdog);
    ErrorAnswers errors = new ErrorAnswers(mapper, settings.maxResponseBytes(), clock);
    Client boundary = new TransportBoundary(transport, mapper, settings.maxResponseBytes(), new DeprecationNotices());

    List<ClientLayer> layers = new ArrayList<>(userLayers);
    layers.add(authentication(baseUrl, apiKey, serviceAccount, mapper, errors, options, clock));
    LayerStack.Composed composed;
    try {
      composed = LayerStack.compose(boundary, layers, listeners);
    } catch (RuntimeException | Error layerFailed) { // a layer's factory threw: nothing built may outlive it
      if (watchdog != null) {
        watchdog.close();
      }
      if (ownedExecutor != null) {
        ownedExecutor.shutdownNow();
      }
      throw layerFailed;
    }

    return new Assembled(composed.client(), options, spec, mapper,
        new AtlasDecoder(mapper, settings.maxResponseBytes()), errors, new UserAgent(settings.userAgentSuffix()).value(),
        LayerStack.ordered(layers), closeables(composed.closeables(), watchdog), ownedExecutor, new AtomicBoolean());
  }

  /** A generated API interface whose calls go through everything assembled here. */
  public static <T> T api(Class<T> api, String baseUrl, Assembled assembled) {
    return ApiHandler.wrap(api, baseUrl, assembled);
  }

  /**
   * Digest or bearer authentication. The service account's token requests go through the layers
   * below it ({@code EXCHANGE}), so they are measured like every other exchange.
   */
  private static ClientLayer authentication(String baseUrl, Supplier<ApiKeyCredentials> apiKey,
      Supplier<ServiceAccountCredentials> serviceAccount, ObjectMapper mapper, ErrorAnswers errors,
      Request.Options options, Clock clock) {
    if (apiKey != null) {
      return ClientLayer.of(LayerPosition.AUTHENTICATION, "digest-authentication",
          (next, context) -> new DigestAuthentication(next, apiKey));
    }
    return ClientLayer.of(LayerPosition.AUTHENTICATION, "service-account-authentication",
        (next, context) -> new BearerAuthentication(next,
            new ServiceAccountTokens(next, baseUrl, serviceAccount, mapper, errors, options, clock), context));
  }

  /**
   * The executor of the transport's JDK client. Plain HTTP: inline ({@link InlineExecutor}), so the
   * selector thread reads and completes each exchange itself rather than waking a pool thread for it,
   * several times per exchange (see InlineExecutor for the measurement). HTTPS, as Atlas itself is
   * reached: a pool, because the JDK hands a TLS handshake's delegated tasks (certificate checks, key
   * agreement, a trust manager that may do I/O such as revocation checks) and the connections it
   * opens to retry to its executor; run inline on the selector thread they would hold up every
   * exchange of the client meanwhile.
   */
  private static ExecutorService httpExecutor(String baseUrl) {
    if (baseUrl.regionMatches(true, 0, "http://", 0, "http://".length())) {
      return new InlineExecutor();
    }
    AtomicInteger number = new AtomicInteger();
    return Executors.newCachedThreadPool(runnable -> {
      Thread thread = new Thread(runnable, "atlas-http-" + number.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }

  /**
   * The layers' resources, then the watchdog: closing it ends the calls still in flight, before the
   * client shuts down the HTTP client's executor under them (its selector thread then stops at its
   * next task, which would leave them waiting with no timeout).
   */
  private static List<AutoCloseable> closeables(List<AutoCloseable> layers, CallWatchdog watchdog) {
    if (watchdog == null) {
      return layers;
    }
    List<AutoCloseable> all = new ArrayList<>(layers);
    all.add(watchdog);
    return List.copyOf(all);
  }
}
