package dev.atlasendpoints.core.internal;

import dev.atlasendpoints.core.Responses;
import feign.Response;
import java.lang.System.Logger.Level;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Logs once per operation that Atlas called it deprecated ({@code Deprecation} / {@code Sunset}
 * headers). The headers stay on the response for layers to read.
 */
final class DeprecationNotices {

  private static final System.Logger LOG = System.getLogger("dev.atlasendpoints.core.deprecation");
  private final Set<String> logged = ConcurrentHashMap.newKeySet();

  void observe(String operationId, Response response) {
    var deprecation = Responses.header(response.headers(), "Deprecation");
    var sunset = Responses.header(response.headers(), "Sunset");
    if ((deprecation.isPresent() || sunset.isPresent()) && logged.add(String.valueOf(operationId))) {
      LOG.log(Level.WARNING, "Atlas reports {0} as deprecated{1}", operationId,
          sunset.map(s -> "; sunset " + s).orElse(""));
    }
  }
}
