package dev.atlasendpoints.simulator;

import static dev.atlasendpoints.simulator.TestClient.PROJECT;
import static dev.atlasendpoints.simulator.TestClient.V2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Which step answers when, and how its answer is presented, over real sockets. */
class SimulatorPipelineTest {

  private static final String SERVERLESS = "/api/atlas/v2/groups/" + PROJECT + "/privateEndpoint/serverless/instance/i1/endpoint";
  private static final String SERVICES = "/api/atlas/v2/groups/" + PROJECT + "/privateEndpoint/endpointService";
  private static final String OTHER_PROJECT = "bbbbbbbbbbbbbbbbbbbbbbbb";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static AtlasSimulator start(AtlasSimulator.Builder builder) {
    return builder.apiKey(ApiKey.of("public", "private")).start();
  }

  @Test
  void aChallenge_isPlain_evenForADeprecatedOperationAskedForAnEnvelope() throws Exception {
    try (AtlasSimulator simulator = start(AtlasSimulator.builder())) {
      HttpResponse<String> challenge = new TestClient(simulator).post(SERVERLESS + "?envelope=true", V2, "{}", null);

      assertThat(challenge.statusCode()).isEqualTo(401);
      assertThat(MAPPER.readTree(challenge.body()).get("error").asInt()).isEqualTo(401);
      assertThat(challenge.headers().firstValue("Deprecation")).isEmpty();
      assertThat(challenge.headers().firstValue("Sunset")).isEmpty();
    }
  }

  @Test
  void anotherMethod_isAnswered405BeforeAuthentication_presentedAsTheOperationsAnswersAre() throws Exception {
    try (AtlasSimulator simulator = start(AtlasSimulator.builder())) {
      TestClient client = new TestClient(simulator);
      HttpRequest delete = HttpRequest.newBuilder(client.base().resolve(SERVERLESS + "?envelope=true")).DELETE().build();

      HttpResponse<String> response = client.http().send(delete, HttpResponse.BodyHandlers.ofString());

      JsonNode enveloped = MAPPER.readTree(response.body());
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(enveloped.get("status").asInt()).isEqualTo(405);
      assertThat(enveloped.get("content").get("errorCode").asText()).isEqualTo("METHOD_NOT_ALLOWED");
      assertThat(response.headers().firstValue("Allow")).hasValue("POST, GET");
      assertThat(response.headers().firstValue("Deprecation")).hasValue("true");
      assertThat(response.headers().firstValue("Sunset")).hasValue(Operation.SUNSET);
      assertThat(simulator.counters().challenges()).isZero();
      assertThat(simulator.counters().requests(Operation.CREATE_SERVERLESS_PRIVATE_ENDPOINT)).isEqualTo(1);
    }
  }

  @Test
  void aPathWithAListAndACreate_routesEachMethodToItsOperation() throws Exception {
    try (AtlasSimulator simulator = start(AtlasSimulator.builder())) {
      TestClient client = new TestClient(simulator);

      int list = client.get(SERVERLESS, V2, null).statusCode();
      int create = client.post(SERVERLESS, V2, "{}", null).statusCode();

      assertThat(list).isEqualTo(401);
      assertThat(create).isEqualTo(401);
      assertThat(simulator.counters().requests(Operation.LIST_SERVERLESS_PRIVATE_ENDPOINT)).isEqualTo(1);
      assertThat(simulator.counters().requests(Operation.CREATE_SERVERLESS_PRIVATE_ENDPOINT)).isEqualTo(1);
    }
  }

  @Test
  void aPathWithOnlyACreate_answersAGet405_allowingPost() throws Exception {
    try (AtlasSimulator simulator = start(AtlasSimulator.builder())) {
      HttpResponse<String> response = new TestClient(simulator).get(SERVICES, V2, null);

      assertThat(response.statusCode()).isEqualTo(405);
      assertThat(response.headers().firstValue("Allow")).hasValue("POST");
      assertThat(MAPPER.readTree(response.body()).get("errorCode").asText()).isEqualTo("METHOD_NOT_ALLOWED");
    }
  }

  @Test
  void wrongCredentials_forAnUndeclaredProject_get401_not404() throws Exception {
    try (AtlasSimulator simulator = start(AtlasSimulator.builder().project(OTHER_PROJECT))) {
      HttpResponse<String> response = new TestClient(simulator).postWithDigest(SERVERLESS, V2, "{}", "public", "wrong");

      assertThat(response.statusCode()).isEqualTo(401);
    }
  }

  @Test
  void anUndeclaredProject_isNamedInTheErrorsParameters() throws Exception {
    try (AtlasSimulator simulator = start(AtlasSimulator.builder().project(OTHER_PROJECT))) {
      HttpResponse<String> response =
          new TestClient(simulator).postWithDigest(SERVERLESS, V2, "{}", "public", "private");

      assertThat(response.statusCode()).isEqualTo(404);
      assertThat(MAPPER.readTree(response.body()).get("parameters").toString()).isEqualTo("[\"" + PROJECT + "\"]");
    }
  }

  @Test
  void anInvalidBody_costsARateLimitToken_butItsAnswerCarriesNoRateLimitHeaders() throws Exception {
    try (AtlasSimulator simulator = start(AtlasSimulator.builder().rateLimit(new RateLimit(2, 1, 60)))) {
      TestClient client = new TestClient(simulator);

      HttpResponse<String> invalid = client.postWithDigest(SERVICES, V2, "{\"providerName\":\"AWS\"}", "public",
          "private");
      HttpResponse<String> valid = client.postWithDigest(SERVICES, V2,
          "{\"providerName\":\"AWS\",\"region\":\"us-east-1\"}", "public", "private");
      HttpResponse<String> throttled = client.postWithDigest(SERVICES, V2,
          "{\"providerName\":\"GCP\",\"region\":\"us-east-1\"}", "public", "private");

      assertThat(invalid.statusCode()).isEqualTo(400);
      assertThat(invalid.headers().firstValue("RateLimit-Limit")).isEmpty();
      assertThat(valid.statusCode()).isEqualTo(201);
      assertThat(valid.headers().firstValue("RateLimit-Remaining")).hasValue("0");
      assertThat(throttled.statusCode()).isEqualTo(429);
    }
  }

  @Test
  void aDroppedRequest_isRecordedWithoutAStatus_anAnsweredOneWithItsStatus() {
    try (AtlasSimulator simulator = start(AtlasSimulator.builder())) {
      simulator.faults().next(Operation.CREATE_SERVERLESS_PRIVATE_ENDPOINT, Fault.resetBeforeProcessing());

      assertThatThrownBy(() -> new TestClient(simulator).postWithDigest(SERVERLESS, V2, "{}", "public", "private"))
          .isInstanceOf(IOException.class);

      assertThat(simulator.requests()).extracting(RecordedRequest::status).containsExactly(401, -1);
    }
  }
}
