package dev.atlasendpoints.simulator;

import static dev.atlasendpoints.simulator.TestClient.PROJECT;
import static dev.atlasendpoints.simulator.TestClient.V2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Digest authentication as the simulator enforces it, over real sockets. */
class SimulatorAuthenticationTest {

  private static final String SERVICES = "/api/atlas/v2/groups/" + PROJECT + "/privateEndpoint/endpointService";
  private static final String AWS_SERVICE = "{\"providerName\":\"AWS\",\"region\":\"us-east-1\"}";

  private AtlasSimulator simulator;

  @AfterEach
  void stop() {
    if (simulator != null) {
      simulator.close();
    }
  }

  private TestClient start(AtlasSimulator.Builder builder) {
    simulator = builder.apiKey(ApiKey.of("public", "private")).start();
    return new TestClient(simulator);
  }

  @Test
  void firstRequest_getsAtlasStyleChallenge_andCreatesNothing() throws Exception {
    TestClient client = start(AtlasSimulator.builder());

    HttpResponse<String> response = client.post(SERVICES, V2, AWS_SERVICE, null);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().allValues("WWW-Authenticate")).singleElement().asString()
        .matches("Digest realm=\"MMS Public API\", domain=\"\", nonce=\"[^\"]+\", algorithm=MD5, qop=\"auth\", stale=false");
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json;charset=utf-8");
    assertThat(response.body()).contains("\"error\":401");
    assertThat(simulator.counters().challenges()).isEqualTo(1);
    assertThat(simulator.inventory().resources()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(DigestAlgorithm.class)
  void everyOfferedAlgorithm_authenticates(DigestAlgorithm algorithm) throws Exception {
    TestClient client = start(AtlasSimulator.builder().digestAlgorithms(algorithm));

    HttpResponse<String> response = client.postWithDigest(SERVICES, V2, AWS_SERVICE, "public", "private");

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(simulator.counters().creates(Operation.CREATE_PRIVATE_ENDPOINT_SERVICE)).isEqualTo(1);
  }

  @Test
  void severalAlgorithms_areOfferedOneHeaderEach_inTheConfiguredOrder() throws Exception {
    TestClient client = start(AtlasSimulator.builder()
        .digestAlgorithms(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5));

    List<String> challenges = client.post(SERVICES, V2, AWS_SERVICE, null).headers().allValues("WWW-Authenticate");

    assertThat(challenges).hasSize(2);
    assertThat(challenges.get(0)).contains("algorithm=SHA-256");
    assertThat(challenges.get(1)).contains("algorithm=MD5");
  }

  @Test
  void wrongPassword_isChallengedAgain_andCreatesNothing() throws Exception {
    TestClient client = start(AtlasSimulator.builder());

    HttpResponse<String> response = client.postWithDigest(SERVICES, V2, AWS_SERVICE, "public", "wrong");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("stale=false");
    assertThat(simulator.inventory().resources()).isEmpty();
  }

  @Test
  void unknownUser_isRejected() throws Exception {
    TestClient client = start(AtlasSimulator.builder());

    assertThat(client.postWithDigest(SERVICES, V2, AWS_SERVICE, "nobody", "private").statusCode()).isEqualTo(401);
  }

  @Test
  void replayedNonceCount_isRejected_nextCountIsAccepted() throws Exception {
    TestClient client = start(AtlasSimulator.builder());
    String challenge = client.post(SERVICES, V2, AWS_SERVICE, null).headers().firstValue("WWW-Authenticate")
        .orElseThrow();
    String first = client.digest(challenge, "public", "private", "POST", SERVICES, 1);

    int accepted = client.post(SERVICES, V2, AWS_SERVICE, first).statusCode();
    int replayed = client.post(SERVICES, V2, AWS_SERVICE, first).statusCode();
    int next = client.post(SERVICES, V2, "{\"providerName\":\"GCP\",\"region\":\"us-east-1\"}",
        client.digest(challenge, "public", "private", "POST", SERVICES, 2)).statusCode();

    assertThat(List.of(accepted, replayed, next)).containsExactly(201, 401, 201);
  }

  @Test
  void strictlyIncreasingPolicy_rejectsACountBelowOneAlreadySeen() throws Exception {
    TestClient client = start(AtlasSimulator.builder().nonceCountPolicy(NonceCountPolicy.STRICTLY_INCREASING));
    String challenge = client.post(SERVICES, V2, AWS_SERVICE, null).headers().firstValue("WWW-Authenticate")
        .orElseThrow();

    int five = client.post(SERVICES, V2, AWS_SERVICE, client.digest(challenge, "public", "private", "POST", SERVICES, 5))
        .statusCode();
    int four = client.post(SERVICES, V2, AWS_SERVICE, client.digest(challenge, "public", "private", "POST", SERVICES, 4))
        .statusCode();

    assertThat(five).isEqualTo(201);
    assertThat(four).isEqualTo(401);
  }

  @Test
  void expiredNonce_withRightCredentials_isAnsweredStale() throws Exception {
    ManualClock clock = new ManualClock();
    TestClient client = start(AtlasSimulator.builder().clock(clock).nonceLifetime(Duration.ofMinutes(5)));
    String challenge = client.post(SERVICES, V2, AWS_SERVICE, null).headers().firstValue("WWW-Authenticate")
        .orElseThrow();
    clock.advance(Duration.ofMinutes(6));

    HttpResponse<String> response =
        client.post(SERVICES, V2, AWS_SERVICE, client.digest(challenge, "public", "private", "POST", SERVICES, 1));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("stale=true");
  }

  @Test
  void uriDirective_mustNameTheRequestTarget() throws Exception {
    TestClient client = start(AtlasSimulator.builder());
    String challenge = client.post(SERVICES, V2, AWS_SERVICE, null).headers().firstValue("WWW-Authenticate")
        .orElseThrow();

    String forOtherUri = client.digest(challenge, "public", "private", "POST", SERVICES + "?pretty=true", 1);

    assertThat(client.post(SERVICES, V2, AWS_SERVICE, forOtherUri).statusCode()).isEqualTo(401);
  }

  @Test
  void keyRestrictedToOtherProjects_isForbidden() throws Exception {
    simulator = AtlasSimulator.builder().apiKey(ApiKey.of("narrow", "secret", "aaaaaaaaaaaaaaaaaaaaaaaa")).start();
    TestClient client = new TestClient(simulator);

    HttpResponse<String> response = client.postWithDigest(SERVICES, V2, AWS_SERVICE, "narrow", "secret");

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(simulator.inventory().resources()).isEmpty();
  }

  @Test
  void undeclaredProject_isNotFound_onceProjectsAreDeclared() throws Exception {
    TestClient client = start(AtlasSimulator.builder().project("bbbbbbbbbbbbbbbbbbbbbbbb"));

    HttpResponse<String> response = client.postWithDigest(SERVICES, V2, AWS_SERVICE, "public", "private");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).contains("\"errorCode\":\"GROUP_NOT_FOUND\"");
  }

  @Test
  void recordedRequests_keepOnlyTheAuthorizationScheme() throws Exception {
    TestClient client = start(AtlasSimulator.builder());

    client.postWithDigest(SERVICES, V2, AWS_SERVICE, "public", "private");

    assertThat(simulator.requests()).hasSize(2);
    assertThat(simulator.requests().get(1).header("Authorization")).isEqualTo("Digest");
    assertThat(simulator.requests().toString()).doesNotContain("response=").doesNotContain("private\"");
  }

  @Test
  void curlDigest_interoperates() throws Exception {
    assumeTrue(new File("/usr/bin/curl").canExecute(), "curl is not installed; .ci/run installs it");
    TestClient client = start(AtlasSimulator.builder());

    Process curl = new ProcessBuilder("/usr/bin/curl", "-s", "--digest", "-u", "public:private",
        "-H", "Content-Type: " + V2, "-H", "Accept: " + V2, "-d", AWS_SERVICE,
        "-o", "/dev/null", "-w", "%{http_code}", client.base().resolve(SERVICES).toString())
        .redirectErrorStream(true).start();
    String status = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(curl.waitFor()).isZero();
    assertThat(status).isEqualTo("201");
    assertThat(simulator.counters().challenges()).isEqualTo(1);
    assertThat(simulator.counters().creates(Operation.CREATE_PRIVATE_ENDPOINT_SERVICE)).isEqualTo(1);
  }
}
