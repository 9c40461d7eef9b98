package dev.atlasendpoints.simulator;

import static dev.atlasendpoints.simulator.TestClient.PROJECT;
import static dev.atlasendpoints.simulator.TestClient.V2;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The five operations: answers, media types, inventory, validation and conflicts, over real sockets. */
class SimulatorOperationsTest {

  private static final String BASE_V1 = "/api/atlas/v1.0/groups/" + PROJECT + "/privateEndpoint";
  private static final String BASE_V2 = "/api/atlas/v2/groups/" + PROJECT + "/privateEndpoint";
  private static final String SERVICES = BASE_V2 + "/endpointService";
  private static final String JSON = "application/json";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private AtlasSimulator simulator;
  private TestClient client;

  @BeforeEach
  void start() {
    simulator = AtlasSimulator.builder().apiKey(ApiKey.of("public", "private"))
        .serverlessInstance("azure-instance", "AZURE").start();
    client = new TestClient(simulator);
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  private HttpResponse<String> post(String target, String mediaType, String body) throws Exception {
    return client.postWithDigest(target, mediaType, body, "public", "private");
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    return MAPPER.readTree(response.body());
  }

  @Test
  void createPrivateEndpointService_answers201_inTheLiveShape() throws Exception {
    HttpResponse<String> response = post(SERVICES, V2, "{\"providerName\":\"AWS\",\"region\":\"eu-west-1\"}");

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(response.headers().firstValue("Content-Type")).hasValue(V2);
    JsonNode body = json(response);
    assertThat(body.get("cloudProvider").asText()).isEqualTo("AWS");
    assertThat(body.get("id").asText()).matches("[a-f0-9]{24}");
    assertThat(body.get("regionName").asText()).isEqualTo("EU_WEST_1");
    assertThat(body.get("status").asText()).isEqualTo("INITIATING");
    assertThat(body.get("endpointServiceName").isNull()).isTrue();
    assertThat(body.get("supportedRemoteRegions").isNull()).isTrue();
    assertThat(body.get("interfaceEndpoints").isArray()).isTrue();
    assertThat(response.headers().firstValue("RateLimit-Limit")).hasValue("4000");
    assertThat(response.headers().firstValue("RateLimit-Remaining")).hasValue("3999");
    assertThat(response.headers().firstValue("Deprecation")).isEmpty();
    assertThat(simulator.inventory().resources(Operation.CREATE_PRIVATE_ENDPOINT_SERVICE)).singleElement()
        .satisfies(r -> assertThat(r.id()).isEqualTo(body.get("id").asText()));
  }

  @Test
  void aSecondServiceForTheSameProviderAndRegion_conflicts() throws Exception {
    post(SERVICES, V2, "{\"providerName\":\"AZURE\",\"region\":\"US_EAST_2\"}");

    HttpResponse<String> second = post(SERVICES, V2, "{\"providerName\":\"AZURE\",\"region\":\"us-east-2\"}");

    assertThat(second.statusCode()).isEqualTo(409);
    assertThat(second.headers().firstValue("Content-Type")).hasValue("application/json;charset=utf-8");
    assertThat(json(second).get("errorCode").asText()).isEqualTo("PRIVATE_ENDPOINT_SERVICE_ALREADY_EXISTS_FOR_REGION");
    assertThat(simulator.inventory().resources()).hasSize(1);
    assertThat(simulator.counters().creates()).isEqualTo(1);
  }

  @Test
  void legacyConnection_isAnAwsServiceToo_andAnswersInTheLegacyShape() throws Exception {
    HttpResponse<String> legacy = post(BASE_V1, JSON, "{\"providerName\":\"AWS\",\"region\":\"us-east-1\"}");
    HttpResponse<String> v2 = post(SERVICES, V2, "{\"providerName\":\"AWS\",\"region\":\"US_EAST_1\"}");

    assertThat(legacy.statusCode()).isEqualTo(200);
    assertThat(legacy.headers().firstValue("Content-Type")).hasValue(JSON);
    assertThat(legacy.headers().firstValue("Deprecation")).hasValue("true");
    assertThat(legacy.headers().firstValue("Sunset")).hasValue(Operation.SUNSET);
    assertThat(legacy.headers().firstValue("RateLimit-Limit")).isEmpty();
    JsonNode body = json(legacy);
    assertThat(body.has("cloudProvider")).isFalse();
    assertThat(body.get("interfaceEndpoints").isArray()).isTrue();
    assertThat(body.get("status").asText()).isEqualTo("INITIATING");
    assertThat(v2.statusCode()).isEqualTo(409);
  }

  @Test
  void createPrivateEndpoint_awsAzureGcp_eachInItsProvidersShape() throws Exception {
    String aws = json(post(SERVICES, V2, "{\"providerName\":\"AWS\",\"region\":\"us-east-1\"}")).get("id").asText();
    String azure = json(post(SERVICES, V2, "{\"providerName\":\"AZURE\",\"region\":\"eastus2\"}")).get("id").asText();
    String gcp = json(post(SERVICES, V2,
        "{\"providerName\":\"GCP\",\"region\":\"us-central1\",\"portMappingEnabled\":true}")).get("id").asText();

    HttpResponse<String> awsEndpoint = post(BASE_V2 + "/AWS/endpointService/" + aws + "/endpoint", V2,
        "{\"cloudProvider\":\"AWS\",\"id\":\"vpce-0123456789abcdef0\"}");
    HttpResponse<String> azureEndpoint = post(BASE_V2 + "/AZURE/endpointService/" + azure + "/endpoint", V2,
        "{\"id\":\"/subscriptions/x/pe-1\",\"privateEndpointIPAddress\":\"10.0.0.4\"}");
    HttpResponse<String> gcpEndpoint = post(BASE_V2 + "/GCP/endpointService/" + gcp + "/endpoint", V2,
        "{\"cloudProvider\":\"GCP\",\"endpointGroupName\":\"g1\",\"gcpProjectId\":\"p-fdeeb3e43b8e733e5ab627b1\","
            + "\"endpoints\":[{\"endpointName\":\"rule-0\",\"ipAddress\":\"10.1.0.2\"}]}");

    assertThat(awsEndpoint.statusCode()).isEqualTo(200);
    assertThat(json(awsEndpoint).get("interfaceEndpointId").asText()).isEqualTo("vpce-0123456789abcdef0");
    assertThat(json(awsEndpoint).get("connectionStatus").asText()).isEqualTo("PENDING_ACCEPTANCE");
    assertThat(json(awsEndpoint).has("id")).isFalse();
    assertThat(json(azureEndpoint).get("privateEndpointIPAddress").asText()).isEqualTo("10.0.0.4");
    assertThat(json(azureEndpoint).get("status").asText()).isEqualTo("INITIATING");
    assertThat(json(gcpEndpoint).get("endpoints").get(0).get("status").asText()).isEqualTo("INITIATING");
    assertThat(json(gcpEndpoint).get("portMappingEnabled").asBoolean()).isTrue();
    assertThat(simulator.counters().creates(Operation.CREATE_PRIVATE_ENDPOINT)).isEqualTo(3);
  }

  @Test
  void endpointForAnUnknownService_isNotFound() throws Exception {
    HttpResponse<String> response = post(BASE_V2 + "/AWS/endpointService/aaaaaaaaaaaaaaaaaaaaaaaa/endpoint", V2,
        "{\"id\":\"vpce-0123456789abcdef0\"}");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(json(response).get("errorCode").asText()).isEqualTo("RESOURCE_NOT_FOUND");
  }

  @Test
  void serverlessEndpoints_v1AndV2_answer201_withUnderscoreId() throws Exception {
    HttpResponse<String> v2 = post(BASE_V2 + "/serverless/instance/my-instance/endpoint", V2,
        "{\"comment\":\"for the app\"}");
    HttpResponse<String> v1 = post(BASE_V1 + "/serverless/instance/azure-instance/endpoint", JSON, "{}");

    assertThat(v2.statusCode()).isEqualTo(201);
    assertThat(v2.headers().firstValue("Content-Type")).hasValue(V2);
    assertThat(v2.headers().firstValue("Sunset")).hasValue(Operation.SUNSET);
    assertThat(json(v2).get("_id").asText()).matches("[a-f0-9]{24}");
    assertThat(json(v2).get("comment").asText()).isEqualTo("for the app");
    assertThat(json(v2).get("providerName").asText()).isEqualTo("AWS");
    assertThat(json(v2).get("status").asText()).isEqualTo("RESERVATION_REQUESTED");
    assertThat(v1.statusCode()).isEqualTo(201);
    assertThat(v1.headers().firstValue("Content-Type")).hasValue(JSON);
    assertThat(json(v1).get("providerName").asText()).isEqualTo("AZURE");
    assertThat(json(v1).has("privateEndpointIpAddress")).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "malformed group id        | /api/atlas/v2/groups/not-an-id/privateEndpoint/endpointService | {\"providerName\":\"AWS\",\"region\":\"us-east-1\"} | groupId",
      "unknown provider          | SERVICES | {\"providerName\":\"ORACLE\",\"region\":\"us-east-1\"} | providerName",
      "missing region            | SERVICES | {\"providerName\":\"AWS\"} | region",
      "too many remote regions   | SERVICES | REMOTE36 | supportedRemoteRegions",
      "malformed json            | SERVICES | {\"providerName\": | body",
      "bad endpoint provider     | /api/atlas/v2/groups/32b6e34b3d91647abb20e7b8/privateEndpoint/IBM/endpointService/aaaaaaaaaaaaaaaaaaaaaaaa/endpoint | {} | cloudProvider",
      "malformed vpce id         | /api/atlas/v2/groups/32b6e34b3d91647abb20e7b8/privateEndpoint/AWS/endpointService/aaaaaaaaaaaaaaaaaaaaaaaa/endpoint | {\"id\":\"vpce-XYZ\"} | id",
      "over-long comment         | /api/atlas/v2/groups/32b6e34b3d91647abb20e7b8/privateEndpoint/serverless/instance/i1/endpoint | COMMENT81 | comment",
      "malformed instance name   | /api/atlas/v2/groups/32b6e34b3d91647abb20e7b8/privateEndpoint/serverless/instance/-bad/endpoint | {} | instanceName",
      "legacy region not in list | /api/atlas/v1.0/groups/32b6e34b3d91647abb20e7b8/privateEndpoint | {\"providerName\":\"AWS\",\"region\":\"mars-north-1\"} | region",
  })
  void invalidRequests_answer400WithTheFieldNamed_andCreateNothing(String name, String target, String body,
      String field) throws Exception {
    String resolvedTarget = target.equals("SERVICES") ? SERVICES : target;
    String resolvedBody = switch (body) {
      case "REMOTE36" -> "{\"providerName\":\"AWS\",\"region\":\"us-east-1\",\"supportedRemoteRegions\":["
          + "\"r\",".repeat(35) + "\"r\"]}";
      case "COMMENT81" -> "{\"comment\":\"" + "x".repeat(81) + "\"}";
      default -> body;
    };
    String mediaType = resolvedTarget.contains("/v1.0/") ? JSON : V2;

    HttpResponse<String> response = post(resolvedTarget, mediaType, resolvedBody);

    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode error = json(response);
    assertThat(error.get("errorCode").asText()).isEqualTo("VALIDATION_ERROR");
    assertThat(error.get("badRequestDetail").get("fields").findValuesAsText("field")).contains(field);
    assertThat(simulator.inventory().resources()).isEmpty();
  }

  @Test
  void commentOfExactly80Characters_isAccepted() throws Exception {
    HttpResponse<String> response = post(BASE_V2 + "/serverless/instance/i1/endpoint", V2,
        "{\"comment\":\"" + "x".repeat(80) + "\"}");

    assertThat(response.statusCode()).isEqualTo(201);
  }

  @Test
  void envelope_wrapsStatusAndBody_andAnswers200() throws Exception {
    HttpResponse<String> response = post(SERVICES + "?envelope=true", V2,
        "{\"providerName\":\"GCP\",\"region\":\"us-central1\"}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).get("status").asInt()).isEqualTo(201);
    assertThat(json(response).get("content").get("cloudProvider").asText()).isEqualTo("GCP");
  }

  @Test
  void envelope_wrapsErrorsToo() throws Exception {
    HttpResponse<String> response = post(SERVICES + "?envelope=true", V2, "{\"providerName\":\"AWS\"}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).get("status").asInt()).isEqualTo(400);
    assertThat(json(response).get("content").get("errorCode").asText()).isEqualTo("VALIDATION_ERROR");
  }

  @Test
  void pretty_indents_butNotOnServerlessOperations() throws Exception {
    HttpResponse<String> pretty = post(SERVICES + "?pretty=true", V2, "{\"providerName\":\"GCP\",\"region\":\"x\"}");
    HttpResponse<String> serverless = post(BASE_V2 + "/serverless/instance/i1/endpoint?pretty=true", V2, "{}");

    assertThat(pretty.body()).contains("\n  \"cloudProvider\" : \"GCP\"");
    assertThat(serverless.body()).doesNotContain("\n");
  }

  @Test
  void sunsetEnforced_deprecatedOperationsAnswer410VersionGone() throws Exception {
    simulator.close();
    simulator = AtlasSimulator.builder().apiKey(ApiKey.of("public", "private")).sunsetEnforced(true).start();
    client = new TestClient(simulator);

    HttpResponse<String> gone = post(BASE_V2 + "/serverless/instance/i1/endpoint", V2, "{}");
    HttpResponse<String> current = post(SERVICES, V2, "{\"providerName\":\"AWS\",\"region\":\"us-east-1\"}");

    assertThat(gone.statusCode()).isEqualTo(410);
    assertThat(json(gone).get("errorCode").asText()).isEqualTo("VERSION_GONE");
    assertThat(current.statusCode()).isEqualTo(201);
  }

  @Test
  void unknownPath_isNotFound() throws Exception {
    assertThat(client.post("/api/atlas/v2/groups/" + PROJECT + "/clusters", V2, "{}", null).statusCode())
        .isEqualTo(404);
  }
}
