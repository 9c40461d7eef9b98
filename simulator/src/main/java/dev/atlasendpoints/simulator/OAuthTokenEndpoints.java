package dev.atlasendpoints.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * The service-account endpoints, {@code POST /api/oauth/token} (client credentials with HTTP Basic)
 * and {@code POST /api/oauth/revoke}: a pipeline of this one step, since the token service has none
 * of the API's layers.
 */
record OAuthTokenEndpoints(ServiceAccountTokens tokens, SimulatorCounters counters, ObjectMapper mapper)
    implements Step {

  static final String TOKEN_PATH = "/api/oauth/token";
  static final String REVOKE_PATH = "/api/oauth/revoke";

  @Override
  public StepResult apply(RequestContext context) {
    return new StepResult.Respond(answer(context.request()), Presentation.PLAIN);
  }

  private SimulatorResponse answer(SimulatorRequest request) {
    if (!request.method().equals("POST")) {
      return SimulatorResponse.error(405, "METHOD_NOT_ALLOWED", "Method Not Allowed", "Use POST.");
    }
    String[] client = basicCredentials(request.header("Authorization"));
    Map<String, String> form = parseForm(request.bodyText());
    return switch (request.path()) {
      case TOKEN_PATH -> issue(client, form);
      case REVOKE_PATH -> tokens.revoke(client[0], client[1], form.get("token"))
          ? SimulatorResponse.json(200, "application/json", mapper.createObjectNode())
          : invalidClient();
      default -> SimulatorResponse.error(404, "RESOURCE_NOT_FOUND", "Not Found", "Cannot find resource.");
    };
  }

  private SimulatorResponse issue(String[] client, Map<String, String> form) {
    if (!"client_credentials".equals(form.get("grant_type"))) {
      return SimulatorResponse.error(400, "UNSUPPORTED_GRANT_TYPE", "Bad Request",
          "grant_type must be client_credentials.");
    }
    ServiceAccountTokens.Issue issue = tokens.issue(client[0], client[1]);
    if (issue instanceof ServiceAccountTokens.Issued issued) {
      counters.tokenIssued();
      ObjectNode body = mapper.createObjectNode();
      body.put("access_token", issued.accessToken());
      body.put("expires_in", issued.expiresInSeconds());
      body.put("token_type", "Bearer");
      return SimulatorResponse.json(200, "application/json", body);
    }
    if (issue instanceof ServiceAccountTokens.Throttled throttled) {
      counters.rateLimit();
      return SimulatorResponse.error(429, "RATE_LIMITED", "Too Many Requests",
              "Too many token requests. Please retry after " + throttled.retryAfterSeconds() + " seconds.")
          .withHeader("Retry-After", String.valueOf(throttled.retryAfterSeconds()));
    }
    if (issue instanceof ServiceAccountTokens.TokenLimitReached) {
      return SimulatorResponse.error(403, "MAX_ACTIVE_TOKENS_REACHED", "Forbidden",
          "This service account already holds the most active access tokens allowed.");
    }
    return invalidClient();
  }

  private static SimulatorResponse invalidClient() {
    return SimulatorResponse.error(401, "INVALID_CLIENT", "Unauthorized", "Invalid client credentials.")
        .withHeader("WWW-Authenticate", "Basic realm=\"oauth\"");
  }

  /** The client id and secret of an {@code Authorization: Basic} header; nulls when absent. */
  private static String[] basicCredentials(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return new String[] {null, null};
    }
    try {
      String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0 ? new String[] {null, null} : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    } catch (IllegalArgumentException notBase64) {
      return new String[] {null, null};
    }
  }

  private static Map<String, String> parseForm(String body) {
    Map<String, String> form = new HashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return form;
  }
}
