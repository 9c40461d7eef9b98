package dev.atlasendpoints.simulator;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/** The operations the simulator serves, named by the spec's operationIds. */
public enum Operation {
  CREATE_PRIVATE_ENDPOINT_CONNECTION("createPrivateEndpointConnection",
      "/api/atlas/v1.0/groups/{groupId}/privateEndpoint", true, 200),
  CREATE_PRIVATE_ENDPOINT_SERVICE("createPrivateEndpointService",
      "/api/atlas/v2/groups/{groupId}/privateEndpoint/endpointService", false, 201),
  CREATE_PRIVATE_ENDPOINT("createPrivateEndpoint",
      "/api/atlas/v2/groups/{groupId}/privateEndpoint/{cloudProvider}/endpointService/{endpointServiceId}/endpoint",
      false, 200),
  CREATE_SERVERLESS_PRIVATE_ENDPOINT_V1("createServerlessPrivateEndpointV1",
      "/api/atlas/v1.0/groups/{groupId}/privateEndpoint/serverless/instance/{instanceName}/endpoint", true, 201),
  CREATE_SERVERLESS_PRIVATE_ENDPOINT("createServerlessPrivateEndpoint",
      "/api/atlas/v2/groups/{groupId}/privateEndpoint/serverless/instance/{instanceName}/endpoint", true, 201);

  /** The versioned media type of every v2 operation. */
  public static final String V2_MEDIA_TYPE = "application/vnd.atlas.2023-01-01+json";
  /** The sunset date of the deprecated operations (RFC 8594 HTTP-date). */
  public static final String SUNSET = "Thu, 22 Jan 2026 00:00:00 GMT";

  private final String operationId;
  private final String pathTemplate;
  private final boolean deprecated;
  private final int successStatus;
  private final Pattern pathPattern;

  Operation(String operationId, String pathTemplate, boolean deprecated, int successStatus) {
    this.operationId = operationId;
    this.pathTemplate = pathTemplate;
    this.deprecated = deprecated;
    this.successStatus = successStatus;
    this.pathPattern = Pattern.compile(pathTemplate.replaceAll("\\{(\\w+)}", "(?<$1>[^/]*)"));
  }

  public String operationId() {
    return operationId;
  }

  public String pathTemplate() {
    return pathTemplate;
  }

  public boolean deprecated() {
    return deprecated;
  }

  /** The status the live service answers on success. */
  public int successStatus() {
    return successStatus;
  }

  public boolean isV2() {
    return pathTemplate.startsWith("/api/atlas/v2/");
  }

  /** The media type of this operation's requests and successful answers. */
  public String mediaType() {
    return isV2() ? V2_MEDIA_TYPE : "application/json";
  }

  /** Whether this operation offers the {@code pretty} query parameter. */
  public boolean offersPretty() {
    return !pathTemplate.contains("/serverless/");
  }

  Pattern pathPattern() {
    return pathPattern;
  }

  /** The operation with this operationId. */
  public static Optional<Operation> byId(String operationId) {
    return Arrays.stream(values()).filter(o -> o.operationId.equals(operationId)).findFirst();
  }
}
