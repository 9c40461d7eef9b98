package dev.atlasendpoints.simulator;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The operations the simulator serves, named by the spec's operationIds: five creates, then twelve
 * reads. The table is written out here rather than read from the spec, so that the simulator stays
 * an oracle independent of the SDK; {@code OperationTableMatchesSpecTest} keeps the two from
 * drifting apart. Several paths carry two operations (a list and a create); {@link Route} tells them
 * apart by method.
 */
public enum Operation {
  CREATE_PRIVATE_ENDPOINT_CONNECTION("createPrivateEndpointConnection", "POST",
      "/api/atlas/v1.0/groups/{groupId}/privateEndpoint", true, 200),
  CREATE_PRIVATE_ENDPOINT_SERVICE("createPrivateEndpointService", "POST",
      "/api/atlas/v2/groups/{groupId}/privateEndpoint/endpointService", false, 201),
  CREATE_PRIVATE_ENDPOINT("createPrivateEndpoint", "POST",
      "/api/atlas/v2/groups/{groupId}/privateEndpoint/{cloudProvider}/endpointService/{endpointServiceId}/endpoint",
      false, 200),
  CREATE_SERVERLESS_PRIVATE_ENDPOINT_V1("createServerlessPrivateEndpointV1", "POST",
      "/api/atlas/v1.0/groups/{groupId}/privateEndpoint/serverless/instance/{instanceName}/endpoint", true, 201),
  CREATE_SERVERLESS_PRIVATE_ENDPOINT("createServerlessPrivateEndpoint", "POST",
      "/api/atlas/v2/groups/{groupId}/privateEndpoint/serverless/instance/{instanceName}/endpoint", true, 201),

  LIST_PRIVATE_ENDPOINT_CONNECTIONS("listPrivateEndpointConnections", "GET",
      "/api/atlas/v1.0/groups/{groupId}/privateEndpoint", true, 200),
  GET_PRIVATE_ENDPOINT_CONNECTION("getPrivateEndpointConnection", "GET",
      "/api/atlas/v1.0/groups/{groupId}/privateEndpoint/{privateLinkId}", true, 200),
  LIST_PRIVATE_ENDPOINT_SERVICE("listPrivateEndpointService", "GET",
      "/api/atlas/v2/groups/{groupId}/privateEndpoint/{cloudProvider}/endpointService", false, 200),
  LIST_PRIVATE_ENDPOINT_SERVICE_V1("listPrivateEndpointServiceV1", "GET",
      "/api/atlas/v1.0/groups/{groupId}/privateEndpoint/{cloudProvider}/endpointService", false, 200),
  GET_PRIVATE_ENDPOINT_SERVICE("getPrivateEndpointService", "GET",
      "/api/atlas/v2/groups/{groupId}/privateEndpoint/{cloudProvider}/endpointService/{endpointServiceId}", false, 200),
  GET_PRIVATE_ENDPOINT_SERVICE_V1("getPrivateEndpointServiceV1", "GET",
      "/api/atlas/v1.0/groups/{groupId}/privateEndpoint/{cloudProvider}/endpointService/{endpointServiceId}", false,
      200),
  GET_PRIVATE_ENDPOINT("getPrivateEndpoint", "GET",
      "/api/atlas/v2/groups/{groupId}/privateEndpoint/{cloudProvider}/endpointService/{endpointServiceId}/endpoint"
          + "/{endpointId}", false, 200),
  GET_PRIVATE_ENDPOINT_V1("getPrivateEndpointV1", "GET",
      "/api/atlas/v1.0/groups/{groupId}/privateEndpoint/{cloudProvider}/endpointService/{endpointServiceId}/endpoint"
          + "/{endpointId}", false, 200),
  LIST_SERVERLESS_PRIVATE_ENDPOINT("listServerlessPrivateEndpoint", "GET",
      "/api/atlas/v2/groups/{groupId}/privateEndpoint/serverless/instance/{instanceName}/endpoint", true, 200),
  LIST_SERVERLESS_PRIVATE_ENDPOINT_V1("listServerlessPrivateEndpointV1", "GET",
      "/api/atlas/v1.0/groups/{groupId}/privateEndpoint/serverless/instance/{instanceName}/endpoint", true, 200),
  GET_SERVERLESS_PRIVATE_ENDPOINT("getServerlessPrivateEndpoint", "GET",
      "/api/atlas/v2/groups/{groupId}/privateEndpoint/serverless/instance/{instanceName}/endpoint/{endpointId}", true,
      200),
  GET_SERVERLESS_PRIVATE_ENDPOINT_V1("getServerlessPrivateEndpointV1", "GET",
      "/api/atlas/v1.0/groups/{groupId}/privateEndpoint/serverless/instance/{instanceName}/endpoint/{endpointId}", true,
      200);

  /** The versioned media type of every v2 operation. */
  public static final String V2_MEDIA_TYPE = "application/vnd.atlas.2023-01-01+json";
  /** The sunset date of the deprecated operations (RFC 8594 HTTP-date). */
  public static final String SUNSET = "Thu, 22 Jan 2026 00:00:00 GMT";

  private final String operationId;
  private final String method;
  private final String pathTemplate;
  private final boolean deprecated;
  private final int successStatus;
  private final List<String> pathParameterNames;
  private final Pattern pathPattern;

  Operation(String operationId, String method, String pathTemplate, boolean deprecated, int successStatus) {
    this.operationId = operationId;
    this.method = method;
    this.pathTemplate = pathTemplate;
    this.deprecated = deprecated;
    this.successStatus = successStatus;
    Matcher parameters = PathTemplates.PARAMETER.matcher(pathTemplate);
    this.pathParameterNames = parameters.results().map(parameter -> parameter.group(1)).toList();
    this.pathPattern = Pattern.compile(parameters.replaceAll("(?<$1>[^/]+)"));
  }

  public String operationId() {
    return operationId;
  }

  /** The HTTP method: {@code POST} for the creates, {@code GET} for the reads. */
  public String method() {
    return method;
  }

  /** Whether this operation only reads (a {@code GET}, with no body) rather than creates. */
  public boolean isRead() {
    return method.equals("GET");
  }

  public String pathTemplate() {
    return pathTemplate;
  }

  /** The names of the path template's parameters, in the order they appear in it. */
  public List<String> pathParameterNames() {
    return pathParameterNames;
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

  /** Whether this operation acts on serverless private endpoints. */
  public boolean isServerless() {
    return pathTemplate.contains("/serverless/");
  }

  /** Whether this operation offers the {@code pretty} query parameter: the serverless ones do not. */
  public boolean offersPretty() {
    return !isServerless();
  }

  /** Matches a raw (still percent-encoded) request path, with one named group per path parameter. */
  Pattern pathPattern() {
    return pathPattern;
  }

  /** The operation with this operationId. */
  public static Optional<Operation> byId(String operationId) {
    return Arrays.stream(values()).filter(o -> o.operationId.equals(operationId)).findFirst();
  }

  /** Holds the pattern outside the enum, whose constructors may not read its static fields. */
  private static final class PathTemplates {
    static final Pattern PARAMETER = Pattern.compile("\\{(\\w+)}");
  }
}
