package dev.atlasendpoints.core.internal;

import dev.atlasendpoints.core.AtlasCall;
import dev.atlasendpoints.core.AtlasOperation;
import feign.Request;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one place that works out which operation and project a request belongs to. A request made
 * through a generated API method is placed by that method (resolved against the spec once per
 * method); its project is the path segment the operation's template names {@code {groupId}}. The
 * token requests the client makes itself are placed by their fixed paths.
 */
public final class CallResolver {

  /** An operation and where its project sits, counted in path segments from the end. */
  private record Placement(AtlasOperation operation, int projectFromEnd) {
    static final Placement UNKNOWN = new Placement(AtlasOperation.UNKNOWN, -1);
  }

  private static final Map<Method, Placement> BY_METHOD = new ConcurrentHashMap<>();

  private CallResolver() {}

  /** The operation and project of {@code request}. */
  public static AtlasCall call(Request request) {
    Placement placement = placement(request);
    return new AtlasCall(placement.operation(),
        placement.projectFromEnd() < 0 ? null : segmentFromEnd(request.url(), placement.projectFromEnd()));
  }

  /** The operation of {@code request}, {@link AtlasOperation#UNKNOWN} if it has none. */
  public static AtlasOperation operation(Request request) {
    return placement(request).operation();
  }

  /** The operationId a generated method stands for: its name without {@code WithHttpInfo}. */
  public static String operationIdOf(Method method) {
    String name = method.getName();
    return name.endsWith("WithHttpInfo") ? name.substring(0, name.length() - "WithHttpInfo".length()) : name;
  }

  private static Placement placement(Request request) {
    if (request.requestTemplate() != null && request.requestTemplate().methodMetadata() != null) {
      return BY_METHOD.computeIfAbsent(request.requestTemplate().methodMetadata().method(), CallResolver::place);
    }
    String path = path(request.url());
    if (path.endsWith(AtlasOperation.SERVICE_ACCOUNT_TOKEN.pathTemplate())) {
      return new Placement(AtlasOperation.SERVICE_ACCOUNT_TOKEN, -1);
    }
    if (path.endsWith(AtlasOperation.REVOKE_SERVICE_ACCOUNT_TOKEN.pathTemplate())) {
      return new Placement(AtlasOperation.REVOKE_SERVICE_ACCOUNT_TOKEN, -1);
    }
    return Placement.UNKNOWN;
  }

  private static Placement place(Method method) {
    return SpecIndex.instance().operation(operationIdOf(method)).map(spec -> {
      AtlasOperation operation = new AtlasOperation(spec.operationId(), spec.httpMethod(), spec.pathTemplate(),
          spec.deprecated(), spec.successMediaType());
      String[] segments = spec.pathTemplate().split("/");
      int project = -1;
      for (int i = 0; i < segments.length; i++) {
        if (segments[i].equals("{groupId}")) {
          project = segments.length - 1 - i;
        }
      }
      return new Placement(operation, project);
    }).orElse(Placement.UNKNOWN);
  }

  /** The path of an absolute URL, without query or fragment. */
  private static String path(String url) {
    String target = Urls.requestTarget(url);
    int query = target.indexOf('?');
    return query < 0 ? target : target.substring(0, query);
  }

  /**
   * The segment {@code fromEnd} places before the last one (0: the last). Counted from the end so
   * that a base URL with a path of its own does not shift it.
   */
  private static String segmentFromEnd(String url, int fromEnd) {
    String path = path(url);
    int end = path.length();
    for (int skipped = 0; skipped < fromEnd; skipped++) {
      end = path.lastIndexOf('/', end - 1);
      if (end <= 0) {
        return null;
      }
    }
    int start = path.lastIndexOf('/', end - 1);
    return start < 0 ? null : path.substring(start + 1, end);
  }
}
