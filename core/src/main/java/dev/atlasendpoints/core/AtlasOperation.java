package dev.atlasendpoints.core;

import dev.atlasendpoints.core.internal.SpecIndex;
import feign.Request;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which spec operation a request belongs to, for layers: bounded values only, suitable as metric
 * tags ({@link #operationId()}, {@link #httpMethod()}, {@link #pathTemplate()}); the project id is
 * available separately for keys that must not become tags.
 *
 * @param operationId the spec's operationId
 * @param httpMethod the HTTP method
 * @param pathTemplate the path with its parameters unexpanded
 * @param deprecated whether the spec marks the operation deprecated
 * @param mediaType the media type of its request and success answer
 */
public record AtlasOperation(String operationId, String httpMethod, String pathTemplate, boolean deprecated,
    String mediaType) {

  private static final Map<Method, AtlasOperation> BY_METHOD = new ConcurrentHashMap<>();

  /** Whether this is a {@code /api/atlas/v2} operation (rate limited, versioned media type). */
  public boolean isV2() {
    return pathTemplate.startsWith("/api/atlas/v2/");
  }

  /**
   * The endpoint set the operation belongs to, as Atlas groups its rate limits: the path template
   * up to the segment after {@code {groupId}}, e.g. {@code /api/atlas/v2/groups/{groupId}/privateEndpoint}.
   * Bounded by the spec, so fit for metric tags and limiter keys.
   */
  public String endpointSet() {
    int group = pathTemplate.indexOf("{groupId}/");
    int end = group < 0 ? -1 : pathTemplate.indexOf('/', group + "{groupId}/".length());
    return end < 0 ? pathTemplate : pathTemplate.substring(0, end);
  }

  /** The operation of a request built from a generated API method, if it is one. */
  public static Optional<AtlasOperation> of(Request request) {
    if (request.requestTemplate() == null || request.requestTemplate().methodMetadata() == null) {
      return Optional.empty();
    }
    Method method = request.requestTemplate().methodMetadata().method();
    return Optional.ofNullable(BY_METHOD.computeIfAbsent(method, m -> SpecIndex.instance()
        .operation(operationIdOf(m)).map(spec -> new AtlasOperation(spec.operationId(), spec.httpMethod(),
            spec.pathTemplate(), spec.deprecated(), spec.successMediaType()))
        .orElse(null)));
  }

  /** The project ({@code groupId}) a request addresses, if its path has one. */
  public static Optional<String> projectIdOf(Request request) {
    String target = dev.atlasendpoints.core.internal.Urls.requestTarget(request.url());
    int query = target.indexOf('?');
    String path = query < 0 ? target : target.substring(0, query);
    int groups = path.indexOf("/groups/");
    if (groups < 0) {
      return Optional.empty();
    }
    int start = groups + "/groups/".length();
    int end = path.indexOf('/', start);
    return Optional.of(end < 0 ? path.substring(start) : path.substring(start, end));
  }

  /** The operationId a generated method stands for: its name without {@code WithHttpInfo}. */
  public static String operationIdOf(Method method) {
    String name = method.getName();
    return name.endsWith("WithHttpInfo") ? name.substring(0, name.length() - "WithHttpInfo".length()) : name;
  }
}
