package dev.atlasendpoints.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules the Atlas contract sets on path parameters and request bodies, written out here
 * independently of the SDK's spec so that the simulator can catch a client that gets them wrong.
 */
final class RequestRules {

  static final Pattern OBJECT_ID = Pattern.compile("^([a-f0-9]{24})$");
  static final Pattern INSTANCE_NAME = Pattern.compile("^[a-zA-Z0-9][a-zA-Z0-9-]*$");
  static final Pattern AWS_ENDPOINT_ID = Pattern.compile("^vpce-[0-9a-f]{17}$");
  static final Pattern GCP_PROJECT_ID = Pattern.compile("^p-[0-9a-z]{24}$");
  static final Set<String> PROVIDERS = Set.of("AWS", "AZURE", "GCP");
  static final Set<String> LEGACY_AWS_REGIONS = Set.of("us-east-1", "us-east-2", "us-west-1", "us-west-2",
      "ca-central-1", "sa-east-1", "eu-north-1", "eu-west-1", "eu-west-2", "eu-west-3", "eu-central-1",
      "me-south-1", "ap-northeast-1", "ap-northeast-2", "ap-south-1", "ap-southeast-1", "ap-southeast-2",
      "ap-east-1");
  static final int MAX_COMMENT_LENGTH = 80;
  /** The longest id a client may give {@code getPrivateEndpoint}: the spec is deliberately loose there. */
  static final int MAX_ENDPOINT_ID_LENGTH = 1024;
  static final int MAX_REMOTE_REGIONS = 35;

  private RequestRules() {}

  /**
   * Checks the (decoded) path parameters of a request to {@code operation}. {@code endpointId} has two
   * rules: a serverless endpoint's is an object id; a private endpoint's is the id the client chose
   * (a {@code vpce-} id, an Azure resource id, a GCP group name), only bounded in length.
   */
  static void checkPath(Operation operation, Map<String, String> path, FieldViolations violations) {
    path.forEach((name, value) -> {
      switch (name) {
        case "groupId", "endpointServiceId", "privateLinkId" -> requireObjectId(name, value, violations);
        case "cloudProvider" -> {
          if (!PROVIDERS.contains(value)) {
            violations.add(name, "must be one of AWS, AZURE, GCP");
          }
        }
        case "instanceName" -> {
          if (!INSTANCE_NAME.matcher(value).matches()) {
            violations.add(name, "must match " + INSTANCE_NAME.pattern());
          }
        }
        case "endpointId" -> {
          if (operation.isServerless()) {
            requireObjectId(name, value, violations);
          } else if (value.isEmpty() || value.length() > MAX_ENDPOINT_ID_LENGTH) {
            violations.add(name, "must be 1 to " + MAX_ENDPOINT_ID_LENGTH + " characters");
          }
        }
        default -> throw new IllegalStateException("no rule for path parameter " + name);
      }
    });
  }

  private static void requireObjectId(String name, String value, FieldViolations violations) {
    if (!OBJECT_ID.matcher(value).matches()) {
      violations.add(name, "must be 24 hexadecimal characters");
    }
  }

  static void checkBody(Operation operation, JsonNode body, Map<String, String> path, FieldViolations violations) {
    switch (operation) {
      case CREATE_PRIVATE_ENDPOINT_CONNECTION -> {
        requireText(body, "providerName", violations).filter(p -> !p.equals("AWS"))
            .ifPresent(p -> violations.add("providerName", "must be AWS"));
        requireText(body, "region", violations).filter(r -> !LEGACY_AWS_REGIONS.contains(r))
            .ifPresent(r -> violations.add("region", "must be a supported AWS region"));
      }
      case CREATE_PRIVATE_ENDPOINT_SERVICE -> {
        requireText(body, "providerName", violations).filter(p -> !PROVIDERS.contains(p))
            .ifPresent(p -> violations.add("providerName", "must be one of AWS, AZURE, GCP"));
        requireText(body, "region", violations).filter(String::isBlank)
            .ifPresent(r -> violations.add("region", "must not be blank"));
        JsonNode portMapping = body.get("portMappingEnabled");
        if (portMapping != null && !portMapping.isNull() && !portMapping.isBoolean()) {
          violations.add("portMappingEnabled", "must be a boolean");
        }
        JsonNode remote = body.get("supportedRemoteRegions");
        if (remote != null && !remote.isNull()) {
          if (!remote.isArray() || !allText(remote)) {
            violations.add("supportedRemoteRegions", "must be a list of strings");
          } else if (remote.size() > MAX_REMOTE_REGIONS) {
            violations.add("supportedRemoteRegions", "must hold at most " + MAX_REMOTE_REGIONS + " regions");
          }
        }
      }
      case CREATE_PRIVATE_ENDPOINT -> checkEndpoint(body, path.get("cloudProvider"), violations);
      case CREATE_SERVERLESS_PRIVATE_ENDPOINT, CREATE_SERVERLESS_PRIVATE_ENDPOINT_V1 -> {
        JsonNode comment = body.get("comment");
        if (comment != null && !comment.isNull()) {
          if (!comment.isTextual()) {
            violations.add("comment", "must be a string");
          } else if (comment.asText().codePointCount(0, comment.asText().length()) > MAX_COMMENT_LENGTH) {
            violations.add("comment", "must be at most " + MAX_COMMENT_LENGTH + " characters");
          }
        }
      }
      default -> throw new IllegalStateException("no body rules for " + operation);
    }
  }

  private static void checkEndpoint(JsonNode body, String pathProvider, FieldViolations violations) {
    JsonNode bodyProvider = body.get("cloudProvider");
    if (bodyProvider != null && !bodyProvider.isNull() && !bodyProvider.asText().equals(pathProvider)) {
      violations.add("cloudProvider", "must match the provider in the path (" + pathProvider + ")");
      return;
    }
    switch (pathProvider) {
      case "AWS" -> requireText(body, "id", violations).filter(id -> !AWS_ENDPOINT_ID.matcher(id).matches())
          .ifPresent(id -> violations.add("id", "must match " + AWS_ENDPOINT_ID.pattern()));
      case "AZURE" -> {
        requireText(body, "id", violations);
        requireText(body, "privateEndpointIPAddress", violations).filter(ip -> !isIpAddress(ip))
            .ifPresent(ip -> violations.add("privateEndpointIPAddress", "must be an IPv4 or IPv6 address"));
      }
      case "GCP" -> {
        requireText(body, "endpointGroupName", violations);
        requireText(body, "gcpProjectId", violations).filter(id -> !GCP_PROJECT_ID.matcher(id).matches())
            .ifPresent(id -> violations.add("gcpProjectId", "must match " + GCP_PROJECT_ID.pattern()));
        JsonNode endpoints = body.get("endpoints");
        if (endpoints != null && !endpoints.isNull() && !endpoints.isArray()) {
          violations.add("endpoints", "must be a list");
        }
      }
      default -> { } // the path check has already reported it
    }
  }

  private static java.util.Optional<String> requireText(JsonNode body, String field, FieldViolations violations) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      violations.add(field, "is required");
      return java.util.Optional.empty();
    }
    if (!value.isTextual()) {
      violations.add(field, "must be a string");
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(value.asText());
  }

  private static boolean allText(JsonNode array) {
    for (JsonNode item : array) {
      if (!item.isTextual()) {
        return false;
      }
    }
    return true;
  }

  /** An IPv4 dotted quad or an IPv6 literal, checked without any name lookup. */
  static boolean isIpAddress(String text) {
    if (text.matches("^((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)$")) {
      return true;
    }
    if (!text.contains(":") || !text.matches("^[0-9a-fA-F:.]+$")) {
      return false;
    }
    try {
      return java.net.InetAddress.getByName(text) instanceof java.net.Inet6Address;
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }
}
