package dev.atlasendpoints.observation;

import dev.atlasendpoints.core.AtlasOperation;
import dev.atlasendpoints.core.ClientLayer;
import dev.atlasendpoints.core.LayerPosition;
import feign.Client;
import feign.Request;
import feign.Response;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.io.IOException;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Micrometer Observation for an Atlas client, as two layers: {@link #callLayer()} observes each API
 * method call ({@value AtlasObservationNames#CALL}, retries and waits included), and
 * {@link #exchangeLayer()} each HTTP exchange ({@value AtlasObservationNames#EXCHANGE}, digest
 * challenges, retried attempts and service-account token requests each their own). With
 * micrometer-tracing on the registry a call becomes a span with one child span per exchange, and
 * each request carries the exchange span's context ({@code traceparent} with the W3C propagator),
 * injected by the tracing handler through {@link AtlasExchangeContext}'s carrier.
 *
 * <pre>{@code
 * AtlasObservations observations = AtlasObservations.of(observationRegistry);
 * AtlasClient atlas = AtlasClient.builder().apiKey(publicKey, privateKey)
 *     .layer(observations.callLayer()).layer(observations.exchangeLayer())
 *     .build();
 * }</pre>
 *
 * Keys are low-cardinality and bounded by the spec (see {@link AtlasObservationNames}); never a
 * project id, a URL, a header or a credential. A registry's {@code GlobalObservationConvention}s
 * replace the default names and keys. Both layers run the observation on the calling thread, so
 * the call is the current observation when its exchanges start.
 */
public final class AtlasObservations {

  private static final System.Logger LOG = System.getLogger("dev.atlasendpoints.observation");

  private final ObservationRegistry registry;

  private AtlasObservations(ObservationRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  /** Observations recorded in {@code registry} (with the application's handlers: tracing, meters, ...). */
  public static AtlasObservations of(ObservationRegistry registry) {
    return new AtlasObservations(registry);
  }

  /** The per-call layer, at {@link LayerPosition#CALL}. */
  public ClientLayer callLayer() {
    return ClientLayer.of(LayerPosition.CALL, "atlas-observation-calls", (next, context) -> (request, options) -> {
      AtlasCallContext call = new AtlasCallContext(context.call(request).operation(), request.httpMethod().name());
      Observation observation = Observation.createNotStarted(null, CallConvention.INSTANCE, () -> call, registry);
      return observed(observation, next, new PropagatedRequest(request, null), options,
          response -> call.status(response.status()));
    });
  }

  /** The per-exchange layer, at {@link LayerPosition#EXCHANGE}; adds the trace context's headers to each request. */
  public ClientLayer exchangeLayer() {
    return ClientLayer.of(LayerPosition.EXCHANGE, "atlas-observation-exchanges", (next, context) -> (request, options) -> {
      if (registry.isNoop()) {
        return next.execute(request, options); // no handler: spare the copy of the headers
      }
      AtlasOperation operation = context.call(request).operation();
      Map<String, Collection<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      headers.putAll(request.headers());
      AtlasExchangeContext exchange = new AtlasExchangeContext(operation, request.httpMethod().name(), headers);
      Observation observation = Observation.createNotStarted(null, ExchangeConvention.INSTANCE, () -> exchange,
          registry);
      return observed(observation, next, new PropagatedRequest(request, headers), options, exchange::setResponse);
    });
  }

  /** Runs {@code next} inside {@code observation}, started and in scope, and stops it however the request ends. */
  private static Response observed(Observation observation, Client next, PropagatedRequest request,
      Request.Options options, Consumer<Response> answered) throws IOException {
    safely(observation::start);
    Request sent = request.withInjectedHeaders();
    try (Observation.Scope scope = observation.openScope()) {
      Response response = next.execute(sent, options);
      answered.accept(response);
      return response;
    } catch (IOException | RuntimeException | Error e) {
      observation.error(e);
      throw e;
    } finally {
      safely(observation::stop);
    }
  }

  /** Observation must never break a call: a failing handler is logged (its class only) and ignored. */
  private static void safely(Runnable recording) {
    try {
      recording.run();
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "recording an Atlas client observation failed: " + e.getClass().getName());
    }
  }
}
