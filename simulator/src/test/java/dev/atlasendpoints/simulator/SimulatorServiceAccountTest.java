package dev.atlasendpoints.simulator;

import static dev.atlasendpoints.simulator.TestClient.PROJECT;
import static dev.atlasendpoints.simulator.TestClient.V2;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Service accounts: the token endpoint, bearer tokens, their expiry, limit and revocation. */
class SimulatorServiceAccountTest {

  private static final String SERVERLESS = "/api/atlas/v2/groups/" + PROJECT + "/privateEndpoint/serverless/instance/i1/endpoint";

  @RegisterExtension
  final StartedSimulator started = new StartedSimulator();
  private final ManualClock clock = started.clock;
  private AtlasSimulator simulator;
  private TestClient client;

  private void start(AtlasSimulator.Builder builder) {
    client = started.start(builder.serviceAccount(ServiceAccount.of("mdb_sa_id_1", "mdb_sa_sk_1")), TestClient::new);
    simulator = started.simulator();
  }

  private HttpResponse<String> tokenRequest(String path, String authorization, String form) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(client.base().resolve(path))
        .header("Authorization", authorization)
        .header("Accept", "application/json")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build();
    return client.http().send(request, HttpResponse.BodyHandlers.ofString());
  }

  private String token() throws Exception {
    HttpResponse<String> response = tokenRequest("/api/oauth/token", TestClient.basic("mdb_sa_id_1", "mdb_sa_sk_1"),
        "grant_type=client_credentials");
    assertThat(response.statusCode()).isEqualTo(200);
    return new ObjectMapper().readTree(response.body()).get("access_token").asText();
  }

  @Test
  void clientCredentials_yieldABearerToken_thatAuthenticatesInOneRoundTrip() throws Exception {
    start(AtlasSimulator.builder());

    HttpResponse<String> tokenResponse = tokenRequest("/api/oauth/token",
        TestClient.basic("mdb_sa_id_1", "mdb_sa_sk_1"), "grant_type=client_credentials");
    JsonNode token = new ObjectMapper().readTree(tokenResponse.body());
    HttpResponse<String> create = client.post(SERVERLESS, V2, "{}", "Bearer " + token.get("access_token").asText());

    assertThat(token.get("token_type").asText()).isEqualTo("Bearer");
    assertThat(token.get("expires_in").asLong()).isEqualTo(3600);
    assertThat(create.statusCode()).isEqualTo(201);
    assertThat(simulator.counters().challenges()).isZero();
    assertThat(simulator.counters().tokensIssued()).isEqualTo(1);
  }

  @Test
  void wrongSecret_isRejected() throws Exception {
    start(AtlasSimulator.builder());

    HttpResponse<String> response = tokenRequest("/api/oauth/token", TestClient.basic("mdb_sa_id_1", "nope"),
        "grant_type=client_credentials");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).doesNotContain("nope");
  }

  @Test
  void anExpiredToken_isRejected() throws Exception {
    start(AtlasSimulator.builder().tokenLifetime(Duration.ofMinutes(60)));
    String token = token();
    clock.advance(Duration.ofMinutes(61));

    HttpResponse<String> response = client.post(SERVERLESS, V2, "{}", "Bearer " + token);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).contains("INVALID_TOKEN");
  }

  @Test
  void theTokenPastTheLimit_isRefusedWith403_untilOneExpires() throws Exception {
    start(AtlasSimulator.builder().maxActiveTokens(3).tokenRequestLimit(new RateLimit(100, 100, 60)));
    token();
    token();
    token();

    HttpResponse<String> fourth = tokenRequest("/api/oauth/token", TestClient.basic("mdb_sa_id_1", "mdb_sa_sk_1"),
        "grant_type=client_credentials");
    clock.advance(Duration.ofHours(2));
    String afterExpiry = token();

    assertThat(fourth.statusCode()).isEqualTo(403);
    assertThat(afterExpiry).isNotBlank();
    assertThat(simulator.activeTokens("mdb_sa_id_1")).isEqualTo(1);
  }

  @Test
  void theTokenEndpoint_isRateLimitedPerClient() throws Exception {
    start(AtlasSimulator.builder().tokenRequestLimit(new RateLimit(2, 2, 60)));
    token();
    token();

    HttpResponse<String> third = tokenRequest("/api/oauth/token", TestClient.basic("mdb_sa_id_1", "mdb_sa_sk_1"),
        "grant_type=client_credentials");

    assertThat(third.statusCode()).isEqualTo(429);
    assertThat(third.headers().firstValue("Retry-After")).isPresent();
  }

  @Test
  void aRevokedToken_stopsWorking_andFreesItsPlace() throws Exception {
    start(AtlasSimulator.builder());
    String token = token();

    HttpResponse<String> revoke = tokenRequest("/api/oauth/revoke", TestClient.basic("mdb_sa_id_1", "mdb_sa_sk_1"),
        "token=" + token);

    assertThat(revoke.statusCode()).isEqualTo(200);
    assertThat(client.post(SERVERLESS, V2, "{}", "Bearer " + token).statusCode()).isEqualTo(401);
    assertThat(simulator.activeTokens("mdb_sa_id_1")).isZero();
  }

  @Test
  void onlyClientCredentialsGrantIsSupported() throws Exception {
    start(AtlasSimulator.builder());

    assertThat(tokenRequest("/api/oauth/token", TestClient.basic("mdb_sa_id_1", "mdb_sa_sk_1"),
        "grant_type=password").statusCode()).isEqualTo(400);
  }
}
