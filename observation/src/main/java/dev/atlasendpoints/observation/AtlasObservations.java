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
      return observed(observation, next, new PropagatedRequest(request, null), options, response -> {
        call.status(response.status());
        if (response.status() >= 400) {
          safely(() -> observation.error(new ErrorStatus(call.operation().operationId(), response.status())));
        }
      });
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

  /**
   * Runs {@code next} inside {@code observation}, started and in scope, and stops it however the
   * request ends. A failing handler never fails the call, and never leaves this observation current
   * on the thread (the next call's spans would get it as their parent).
   */
  private Response observed(Observation observation, Client next, PropagatedRequest request,
      Request.Options options, Consumer<Response> answered) throws IOException {
    safely(observation::start);
    Observation.Scope before = registry.getCurrentObservationScope();
    Observation.Scope scope = openScope(observation, before);
    Response response = null;
    try {
      response = next.execute(request.withInjectedHeaders(), options);
      answered.accept(response);
      return response;
    } catch (IOException | RuntimeException | Error e) {
      if (response != null) {
        response.close();
      }
      safely(() -> observation.error(e));
      throw e;
    } finally {
      if (scope != null) {
        safely(scope::close);
      }
      restore(before);
      safely(observation::stop);
    }
  }

  /**
   * The observation's scope, or {@code null} when a handler failed opening it: then the call runs
   * without a scope, and the scope Micrometer already made current (it does so before notifying the
   * handlers) is closed again, so that the handlers which did open theirs (a tracer's) close them.
   */
  private Observation.Scope openScope(Observation observation, Observation.Scope before) {
    try {
      return observation.openScope();
    } catch (RuntimeException e) {
      logFailure(e);
      Observation.Scope half = registry.getCurrentObservationScope();
      if (half != null && half != before) {
        safely(half::close);
      }
      restore(before);
      return null;
    }
  }

  /** Makes {@code before} the current scope again, should a failing handler have kept Micrometer from doing so. */
  private void restore(Observation.Scope before) {
    if (registry.getCurrentObservationScope() != before) {
      registry.setCurrentObservationScope(before);
    }
  }

  /** Observation must never break a call: a failing handler is logged (its class only) and ignored. */
  private static void safely(Runnable recording) {
    try {
      recording.run();
    } catch (RuntimeException e) {
      logFailure(e);
    }
  }

  /** The class of the failure only: a handler's message could repeat what it was given. */
  private static void logFailure(RuntimeException e) {
    LOG.log(System.Logger.Level.WARNING, "recording an Atlas client observation failed: " + e.getClass().getName());
  }
}
