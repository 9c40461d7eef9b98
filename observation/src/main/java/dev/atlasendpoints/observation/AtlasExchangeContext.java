package dev.atlasendpoints.observation;

import dev.atlasendpoints.core.AtlasOperation;
import feign.Response;
import io.micrometer.observation.transport.RequestReplySenderContext;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an {@link AtlasObservationNames#EXCHANGE} observation knows. Its carrier is the request's
 * header map as it will be sent: a tracing handler ({@code PropagatingSenderTracingObservationHandler})
 * injects {@code traceparent} into it when the observation starts. The carrier also holds the
 * request's credentials (digest responses, bearer tokens): a handler must never read it for tags.
 */
public final class AtlasExchangeContext extends RequestReplySenderContext<Map<String, Collection<String>>, Response> {

  private final AtlasOperation operation;
  private final String method;

  AtlasExchangeContext(AtlasOperation operation, String method, Map<String, Collection<String>> headers) {
    super((carrier, key, value) -> {
      if (carrier != null) {
        carrier.put(key, List.of(value));
      }
    });
    this.operation = Objects.requireNonNull(operation, "operation");
    this.method = Objects.requireNonNull(method, "method");
    setCarrier(headers);
  }

  public AtlasOperation operation() {
    return operation;
  }

  public String method() {
    return method;
  }

  /** The status answered, or {@code -1} while running or when no answer came. */
  public int status() {
    Response response = getResponse();
    return response == null ? -1 : response.status();
  }
}
