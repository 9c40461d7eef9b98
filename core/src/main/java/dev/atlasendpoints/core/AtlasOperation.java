package dev.atlasendpoints.core;

/**
 * An operation of the spec, as layers see it: bounded values only, suitable as metric tags
 * ({@link #operationId()}, {@link #httpMethod()}, {@link #pathTemplate()}).
 *
 * @param operationId the spec's operationId
 * @param httpMethod the HTTP method
 * @param pathTemplate the path with its parameters unexpanded
 * @param deprecated whether the spec marks the operation deprecated
 * @param mediaType the media type of its success answer
 */
public record AtlasOperation(String operationId, String httpMethod, String pathTemplate, boolean deprecated,
    String mediaType) {

  /** A request the client cannot place (none of the spec's operations, nor a token request). */
  public static final AtlasOperation UNKNOWN = new AtlasOperation("unknown", "UNKNOWN", "unknown", false, null);

  /** The service-account token request ({@code POST /api/oauth/token}), which no spec describes. */
  public static final AtlasOperation SERVICE_ACCOUNT_TOKEN =
      new AtlasOperation("serviceAccountToken", "POST", "/api/oauth/token", false, "application/json");

  /** The service-account token revocation ({@code POST /api/oauth/revoke}). */
  public static final AtlasOperation REVOKE_SERVICE_ACCOUNT_TOKEN =
      new AtlasOperation("revokeServiceAccountToken", "POST", "/api/oauth/revoke", false, "application/json");

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
}
