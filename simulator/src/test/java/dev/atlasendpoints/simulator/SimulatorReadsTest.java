package dev.atlasendpoints.simulator;

import static dev.atlasendpoints.simulator.AtlasPaths.Version.V1;
import static dev.atlasendpoints.simulator.AtlasPaths.Version.V2;
import static dev.atlasendpoints.simulator.TestClient.JSON;
import static dev.atlasendpoints.simulator.TestClient.json;
import static dev.atlasendpoints.simulator.TestResources.AZURE_ID;
import static dev.atlasendpoints.simulator.TestResources.GCP_GROUP;
import static dev.atlasendpoints.simulator.TestResources.VPCE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The twelve reads, v2 and v1.0, over real sockets: they find what the creates made and answer it in
 * the same form. The clock stands still here, so every resource is in its first status and a read
 * answers exactly what the create did; {@code SimulatorLifecycleTest} moves the clock.
 */
class SimulatorReadsTest {

  private static final String AZURE_ID_ENCODED =
      "%2Fsubscriptions%2Fabc%2FresourceGroups%2Frg%2Fproviders%2FMicrosoft.Network%2FprivateEndpoints%2Fpe1";
  private static final String UNKNOWN_ID = "aaaaaaaaaaaaaaaaaaaaaaaa";

  private AtlasSimulator simulator;
  private TestClient client;

  @BeforeEach
  void start() {
    start(AtlasSimulator.builder().clock(new ManualClock()).serverlessInstance("azure-instance", "AZURE"));
  }

  private void start(AtlasSimulator.Builder builder) {
    simulator = builder.apiKey(ApiKey.of("public", "private")).start();
    client = new TestClient(simulator, "public", "private");
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  @Test
  void getPrivateEndpointService_v2AndV1_answerWhatTheCreateAnswered_inTheirMediaTypes() throws Exception {
    JsonNode created = TestResources.service(client, "AWS", "us-east-1");
    String id = created.get("id").asText();

    HttpResponse<String> v2 = client.get(AtlasPaths.service(V2, "AWS", id));
    HttpResponse<String> v1 = client.get(AtlasPaths.service(V1, "AWS", id));

    assertThat(v2.statusCode()).isEqualTo(200);
    assertThat(v2.headers().firstValue("Content-Type")).hasValue(TestClient.V2);
    assertThat(v2.headers().firstValue("RateLimit-Limit")).hasValue("4000");
    assertThat(v2.headers().firstValue("Deprecation")).isEmpty();
    assertThat(json(v2)).isEqualTo(created);
    assertThat(v1.statusCode()).isEqualTo(200);
    assertThat(v1.headers().firstValue("Content-Type")).hasValue(JSON);
    assertThat(v1.headers().firstValue("RateLimit-Limit")).isEmpty();
    assertThat(json(v1)).isEqualTo(created);
  }

  @ParameterizedTest
  @EnumSource(AtlasPaths.Version.class)
  void listPrivateEndpointService_isAPlainArray_ofTheProvidersServices_inOrderOfCreation(AtlasPaths.Version version)
      throws Exception {
    String first = TestResources.service(client, "AWS", "us-east-1").get("id").asText();
    String second = TestResources.service(client, "AWS", "eu-west-1").get("id").asText();
    JsonNode azure = TestResources.service(client, "AZURE", "eastus2");

    JsonNode aws = json(client.get(AtlasPaths.services(version, "AWS")));
    JsonNode azureList = json(client.get(AtlasPaths.services(version, "AZURE")));
    HttpResponse<String> gcp = client.get(AtlasPaths.services(version, "GCP"));

    assertThat(aws.isArray()).isTrue();
    assertThat(aws.findValuesAsText("id")).containsExactly(first, second);
    assertThat(azureList).containsExactly(azure);
    assertThat(gcp.statusCode()).isEqualTo(200);
    assertThat(gcp.body()).isEqualTo("[]");
  }

  @ParameterizedTest
  @EnumSource(AtlasPaths.Version.class)
  void getPrivateEndpoint_findsEachProvidersEndpoint_byTheIdTheClientChose(AtlasPaths.Version version)
      throws Exception {
    Map<String, String> services = TestResources.servicesWithAnEndpointEach(client);
    List<ObjectNode> created = simulator.inventory().resources(Operation.CREATE_PRIVATE_ENDPOINT).stream()
        .map(StoredResource::body).toList();

    HttpResponse<String> aws = client.get(AtlasPaths.endpoint(version, "AWS", services.get("AWS"), VPCE));
    JsonNode azure = json(client.get(AtlasPaths.endpoint(version, "AZURE", services.get("AZURE"), AZURE_ID)));
    JsonNode gcp = json(client.get(AtlasPaths.endpoint(version, "GCP", services.get("GCP"), GCP_GROUP)));

    assertThat(aws.statusCode()).isEqualTo(200);
    assertThat(aws.headers().firstValue("Content-Type")).hasValue(TestClient.mediaTypeOf(aws.uri().getPath()));
    assertThat(List.of(json(aws), azure, gcp)).isEqualTo(created);
  }

  @Test
  void anAzureEndpointId_sentUrlEncoded_isOnePathSegment_andReadsBack() throws Exception {
    String service = TestResources.service(client, "AZURE", "eastus2").get("id").asText();
    TestResources.endpoint(client, "AZURE", service, AZURE_ID);
    String target = AtlasPaths.service(V2, "AZURE", service) + "/endpoint/" + AZURE_ID_ENCODED;

    HttpResponse<String> read = client.get(target);
    HttpResponse<String> unencoded = client.get(AtlasPaths.service(V2, "AZURE", service) + "/endpoint" + AZURE_ID,
        TestClient.V2, null);

    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(json(read).get("privateEndpointResourceId").asText()).isEqualTo(AZURE_ID);
    assertThat(simulator.requests()).filteredOn(r -> r.method().equals("GET") && r.status() == 200).singleElement()
        .satisfies(r -> assertThat(r.path()).endsWith("/endpoint/" + AZURE_ID_ENCODED));
    assertThat(unencoded.statusCode()).isEqualTo(404);
    assertThat(json(unencoded).get("errorCode").asText()).isEqualTo("RESOURCE_NOT_FOUND");
  }

  @Test
  void aService_namesTheEndpointsConnectedToIt() throws Exception {
    String aws = TestResources.service(client, "AWS", "us-east-1").get("id").asText();
    String gcp = TestResources.service(client, "GCP", "us-central1").get("id").asText();
    TestResources.endpoint(client, "AWS", aws, VPCE);
    TestResources.endpoint(client, "AWS", aws, "vpce-0123456789abcdef1");
    TestResources.endpoint(client, "GCP", gcp, GCP_GROUP);

    JsonNode awsService = json(client.get(AtlasPaths.service(V2, "AWS", aws)));
    JsonNode gcpService = json(client.get(AtlasPaths.service(V1, "GCP", gcp)));

    assertThat(awsService.get("interfaceEndpoints").toString())
        .isEqualTo("[\"" + VPCE + "\",\"vpce-0123456789abcdef1\"]");
    assertThat(gcpService.get("endpointGroupNames").toString()).isEqualTo("[\"" + GCP_GROUP + "\"]");
  }

  @Test
  void aSecondEndpointWithTheSameId_underTheSameService_conflicts_underAnotherServiceItDoesNot() throws Exception {
    String service = TestResources.service(client, "AWS", "us-east-1").get("id").asText();
    String other = TestResources.service(client, "AWS", "eu-west-1").get("id").asText();
    TestResources.endpoint(client, "AWS", service, VPCE);

    HttpResponse<String> duplicate = client.post(AtlasPaths.endpoints("AWS", service),
        TestResources.endpointBody("AWS", VPCE));
    HttpResponse<String> elsewhere = client.post(AtlasPaths.endpoints("AWS", other),
        TestResources.endpointBody("AWS", VPCE));

    assertThat(duplicate.statusCode()).isEqualTo(409);
    assertThat(json(duplicate).get("errorCode").asText()).isEqualTo("PRIVATELINK_INTERFACE_ENDPOINT_ALREADY_EXISTS");
    assertThat(json(duplicate).get("parameters").toString()).isEqualTo("[\"" + VPCE + "\",\"" + service + "\"]");
    assertThat(elsewhere.statusCode()).isEqualTo(200);
    assertThat(simulator.counters().creates(Operation.CREATE_PRIVATE_ENDPOINT)).isEqualTo(2);
  }

  @Test
  void serverlessReads_v2AndV1_listTheInstancesEndpoints_andGetOneById() throws Exception {
    JsonNode first = TestResources.serverless(client, V2, "instance-1");
    JsonNode second = TestResources.serverless(client, V1, "instance-1");
    JsonNode azure = TestResources.serverless(client, V1, "azure-instance");
    String id = first.get("_id").asText();

    HttpResponse<String> list = client.get(AtlasPaths.serverless(V2, "instance-1"));
    JsonNode azureList = json(client.get(AtlasPaths.serverless(V1, "azure-instance")));
    HttpResponse<String> empty = client.get(AtlasPaths.serverless(V1, "instance-2"));
    HttpResponse<String> v2 = client.get(AtlasPaths.serverlessEndpoint(V2, "instance-1", id));
    HttpResponse<String> v1 = client.get(AtlasPaths.serverlessEndpoint(V1, "instance-1", id));

    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.headers().firstValue("Deprecation")).hasValue("true");
    assertThat(list.headers().firstValue("Sunset")).hasValue(Operation.SUNSET);
    assertThat(json(list)).containsExactly(first, second);
    assertThat(azureList).containsExactly(azure);
    assertThat(empty.body()).isEqualTo("[]");
    assertThat(json(v2)).isEqualTo(first);
    assertThat(v2.headers().firstValue("Content-Type")).hasValue(TestClient.V2);
    assertThat(v1.headers().firstValue("Content-Type")).hasValue(JSON);
    assertThat(v1.headers().firstValue("Deprecation")).hasValue("true");
    assertThat(json(v1)).isEqualTo(first);
  }

  @Test
  void legacyConnections_areReadInTheLegacyForm_andListedAmongAwsServicesToo() throws Exception {
    JsonNode legacy = TestResources.legacyConnection(client, "us-east-1");
    String v2Service = TestResources.service(client, "AWS", "eu-west-1").get("id").asText();
    String id = legacy.get("id").asText();

    HttpResponse<String> list = client.get(AtlasPaths.privateEndpoint(V1));
    HttpResponse<String> one = client.get(AtlasPaths.legacyConnection(id));
    HttpResponse<String> notLegacy = client.get(AtlasPaths.legacyConnection(v2Service));
    JsonNode asService = json(client.get(AtlasPaths.service(V2, "AWS", id)));

    assertThat(json(list)).containsExactly(legacy);
    assertThat(list.headers().firstValue("Deprecation")).hasValue("true");
    assertThat(list.headers().firstValue("Content-Type")).hasValue(JSON);
    assertThat(json(one)).isEqualTo(legacy);
    assertThat(one.headers().firstValue("Sunset")).hasValue(Operation.SUNSET);
    assertThat(notLegacy.statusCode()).isEqualTo(404);
    assertThat(asService.get("cloudProvider").asText()).isEqualTo("AWS");
    assertThat(asService.get("regionName").asText()).isEqualTo("US_EAST_1");
    assertThat(asService.get("status").asText()).isEqualTo("INITIATING");
  }

  @Test
  void missingResources_answer404_withTheirErrorCodes() throws Exception {
    String service = TestResources.service(client, "AWS", "us-east-1").get("id").asText();

    assertNotFound(AtlasPaths.service(V2, "AWS", UNKNOWN_ID), "PRIVATE_ENDPOINT_SERVICE_NOT_FOUND");
    assertNotFound(AtlasPaths.service(V1, "AZURE", service), "PRIVATE_ENDPOINT_SERVICE_NOT_FOUND");
    assertNotFound(AtlasPaths.endpoint(V2, "AWS", UNKNOWN_ID, VPCE), "PRIVATE_ENDPOINT_SERVICE_NOT_FOUND");
    assertNotFound(AtlasPaths.endpoint(V1, "AWS", service, VPCE), "RESOURCE_NOT_FOUND");
    assertNotFound(AtlasPaths.serverlessEndpoint(V2, "instance-1", UNKNOWN_ID), "RESOURCE_NOT_FOUND");
    assertNotFound(AtlasPaths.serverlessEndpoint(V1, "instance-1", UNKNOWN_ID), "RESOURCE_NOT_FOUND");
    assertNotFound(AtlasPaths.legacyConnection(UNKNOWN_ID), "PRIVATE_ENDPOINT_SERVICE_NOT_FOUND");
  }

  private void assertNotFound(String target, String errorCode) throws Exception {
    HttpResponse<String> response = client.get(target);

    assertThat(response.statusCode()).as(target).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type")).hasValue(SimulatorResponse.ERROR_CONTENT_TYPE);
    assertThat(json(response).get("errorCode").asText()).as(target).isEqualTo(errorCode);
  }

  @Test
  void aReadOfAnUndeclaredProject_answers404GroupNotFound() throws Exception {
    simulator.close();
    start(AtlasSimulator.builder().project(UNKNOWN_ID));

    HttpResponse<String> response = client.get(AtlasPaths.services(V2, "AWS"));

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(json(response).get("errorCode").asText()).isEqualTo("GROUP_NOT_FOUND");
  }

  @Test
  void malformedPathParameters_ofReads_answer400NamingThem() throws Exception {
    HttpResponse<String> serverless = client.get(AtlasPaths.serverlessEndpoint(V2, "instance-1", VPCE));
    HttpResponse<String> legacy = client.get(AtlasPaths.legacyConnection("not-an-id"));

    assertThat(serverless.statusCode()).isEqualTo(400);
    assertThat(json(serverless).get("badRequestDetail").get("fields").findValuesAsText("field"))
        .containsExactly("endpointId");
    assertThat(legacy.statusCode()).isEqualTo(400);
    assertThat(json(legacy).get("badRequestDetail").get("fields").findValuesAsText("field"))
        .containsExactly("privateLinkId");
  }

  @Test
  void envelope_wrapsReadsAndTheir404s() throws Exception {
    TestResources.service(client, "GCP", "us-central1");

    JsonNode list = json(client.get(AtlasPaths.services(V2, "GCP") + "?envelope=true"));
    HttpResponse<String> missing = client.get(AtlasPaths.service(V1, "GCP", UNKNOWN_ID) + "?envelope=true");

    assertThat(list.get("status").asInt()).isEqualTo(200);
    assertThat(list.get("content").isArray()).isTrue();
    assertThat(list.get("content").get(0).get("cloudProvider").asText()).isEqualTo("GCP");
    assertThat(missing.statusCode()).isEqualTo(200);
    assertThat(json(missing).get("status").asInt()).isEqualTo(404);
    assertThat(json(missing).get("content").get("errorCode").asText()).isEqualTo("PRIVATE_ENDPOINT_SERVICE_NOT_FOUND");
  }

  @Test
  void pretty_indentsReads_butNotServerlessOnes() throws Exception {
    TestResources.service(client, "AWS", "us-east-1");
    TestResources.serverless(client, V2, "instance-1");

    HttpResponse<String> services = client.get(AtlasPaths.services(V2, "AWS") + "?pretty=true");
    HttpResponse<String> serverless = client.get(AtlasPaths.serverless(V2, "instance-1") + "?pretty=true");

    assertThat(services.body()).contains("\n").contains("\"cloudProvider\" : \"AWS\"");
    assertThat(serverless.body()).doesNotContain("\n");
  }

  @Test
  void reads_createNothing_andIgnoreABody() throws Exception {
    TestResources.serverless(client, V2, "instance-1");
    HttpRequest withBody = HttpRequest.newBuilder(client.base().resolve(AtlasPaths.serverless(V2, "instance-1")))
        .method("GET", HttpRequest.BodyPublishers.ofString("not json")).build();

    int challenged = client.http().send(withBody, HttpResponse.BodyHandlers.ofString()).statusCode();
    HttpResponse<String> read = client.get(AtlasPaths.serverless(V2, "instance-1"));

    assertThat(challenged).isEqualTo(401);
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(simulator.counters().creates()).isEqualTo(1);
    assertThat(simulator.inventory().resources()).hasSize(1);
    assertThat(simulator.counters().requests(Operation.LIST_SERVERLESS_PRIVATE_ENDPOINT)).isEqualTo(3);
  }

  @Test
  void sunsetEnforced_deprecatedReadsAnswer410_currentOnesDoNot() throws Exception {
    simulator.close();
    start(AtlasSimulator.builder().sunsetEnforced(true));

    HttpResponse<String> serverless = client.get(AtlasPaths.serverless(V1, "instance-1"));
    HttpResponse<String> legacy = client.get(AtlasPaths.privateEndpoint(V1));
    HttpResponse<String> services = client.get(AtlasPaths.services(V1, "AWS"));

    assertThat(serverless.statusCode()).isEqualTo(410);
    assertThat(legacy.statusCode()).isEqualTo(410);
    assertThat(services.statusCode()).isEqualTo(200);
  }
}
