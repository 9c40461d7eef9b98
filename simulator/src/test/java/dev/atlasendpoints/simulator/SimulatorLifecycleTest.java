package dev.atlasendpoints.simulator;

import static dev.atlasendpoints.simulator.AtlasPaths.Version.V1;
import static dev.atlasendpoints.simulator.AtlasPaths.Version.V2;
import static dev.atlasendpoints.simulator.TestClient.json;
import static dev.atlasendpoints.simulator.TestResources.AZURE_ID;
import static dev.atlasendpoints.simulator.TestResources.GCP_GROUP;
import static dev.atlasendpoints.simulator.TestResources.VPCE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Created resources move through their statuses on the simulator's clock, fail where a test scripts
 * it, and may read as missing for a while; a {@link ManualClock} steps through it all without sleeping.
 */
class SimulatorLifecycleTest {

  private static final Duration JUST_BEFORE = Duration.ofSeconds(10).minusMillis(1);
  private static final Duration TEN_SECONDS = Duration.ofSeconds(10);

  @RegisterExtension
  final StartedSimulator started = new StartedSimulator();
  private final ManualClock clock = started.clock;
  private AtlasSimulator simulator;
  private TestClient client;

  private void start(AtlasSimulator.Builder builder) {
    client = started.start(builder.apiKey(ApiKey.of("public", "private")),
        running -> new TestClient(running, "public", "private"));
    simulator = started.simulator();
  }

  /** Every stage lasts ten seconds. */
  private static Lifecycle.Builder tenSecondStages() {
    return Lifecycle.builder().serviceInitiating(TEN_SECONDS).endpointPending(TEN_SECONDS)
        .serverlessReservationRequested(TEN_SECONDS).serverlessReserved(TEN_SECONDS);
  }

  private JsonNode read(String target) throws Exception {
    return json(client.get(target));
  }

  private JsonNode service(String provider, String id) throws Exception {
    return read(AtlasPaths.service(V2, provider, id));
  }

  @Test
  void aService_isInitiating_untilItsDurationHasPassed_thenAvailable() throws Exception {
    start(AtlasSimulator.builder().lifecycle(tenSecondStages().build()));
    JsonNode created = TestResources.service(client, "AWS", "us-east-1");
    String id = created.get("id").asText();

    clock.advance(JUST_BEFORE);
    JsonNode before = service("AWS", id);
    clock.advance(Duration.ofMillis(1));
    JsonNode after = service("AWS", id);
    JsonNode v1 = read(AtlasPaths.service(V1, "AWS", id));

    assertThat(created.get("status").asText()).isEqualTo("INITIATING");
    assertThat(before.get("status").asText()).isEqualTo("INITIATING");
    assertThat(after.get("status").asText()).isEqualTo("AVAILABLE");
    assertThat(after.get("errorMessage").isNull()).isTrue();
    assertThat(v1.get("status").asText()).isEqualTo("AVAILABLE");
  }

  @Test
  void services_canBeSetToEndWaitingForUser() throws Exception {
    start(AtlasSimulator.builder().lifecycle(tenSecondStages()
        .serviceReadyStatus(Lifecycle.ServiceReadyStatus.WAITING_FOR_USER).build()));
    String id = TestResources.service(client, "GCP", "us-central1").get("id").asText();

    clock.advance(TEN_SECONDS);

    assertThat(service("GCP", id).get("status").asText()).isEqualTo("WAITING_FOR_USER");
  }

  @Test
  void aLegacyConnection_endsWaitingForUser_inBothForms_whileServicesEndAvailable() throws Exception {
    start(AtlasSimulator.builder().lifecycle(tenSecondStages().build()));
    String service = TestResources.service(client, "AZURE", "eastus2").get("id").asText();
    String legacy = TestResources.legacyConnection(client, "us-east-1").get("id").asText();

    clock.advance(TEN_SECONDS);

    assertThat(service("AZURE", service).get("status").asText()).isEqualTo("AVAILABLE");
    assertThat(read(AtlasPaths.legacyConnection(legacy)).get("status").asText()).isEqualTo("WAITING_FOR_USER");
    assertThat(service("AWS", legacy).get("status").asText()).isEqualTo("WAITING_FOR_USER");
  }

  @Test
  void endpoints_arePendingThenAvailable_awsPendingAcceptance_azureAndGcpInitiating() throws Exception {
    start(AtlasSimulator.builder().lifecycle(tenSecondStages().serviceInitiating(Duration.ZERO).build()));
    Map<String, String> services = TestResources.servicesWithAnEndpointEach(client);
    String aws = services.get("AWS");
    String azure = services.get("AZURE");
    String gcp = services.get("GCP");

    clock.advance(JUST_BEFORE);
    String awsBefore = endpointStatus(V2, "AWS", aws, VPCE);
    String azureBefore = endpointStatus(V1, "AZURE", azure, AZURE_ID);
    String gcpBefore = endpointStatus(V2, "GCP", gcp, GCP_GROUP);
    clock.advance(Duration.ofMillis(1));
    JsonNode awsAfter = read(AtlasPaths.endpoint(V1, "AWS", aws, VPCE));
    String azureAfter = endpointStatus(V2, "AZURE", azure, AZURE_ID);
    JsonNode gcpAfter = read(AtlasPaths.endpoint(V1, "GCP", gcp, GCP_GROUP));

    assertThat(List.of(awsBefore, azureBefore, gcpBefore)).containsExactly("PENDING_ACCEPTANCE", "INITIATING",
        "INITIATING");
    assertThat(awsAfter.get("connectionStatus").asText()).isEqualTo("AVAILABLE");
    assertThat(awsAfter.get("errorMessage").isNull()).isTrue();
    assertThat(azureAfter).isEqualTo("AVAILABLE");
    assertThat(gcpAfter.get("status").asText()).isEqualTo("AVAILABLE");
    assertThat(gcpAfter.get("endpoints").get(0).get("status").asText()).isEqualTo("AVAILABLE");
  }

  /** An endpoint's status, from the field its provider keeps it in. */
  private String endpointStatus(AtlasPaths.Version version, String provider, String serviceId, String endpointId)
      throws Exception {
    JsonNode endpoint = read(AtlasPaths.endpoint(version, provider, serviceId, endpointId));
    return endpoint.get(provider.equals("AWS") ? "connectionStatus" : "status").asText();
  }

  @Test
  void aServerlessEndpoint_isReservationRequested_thenReserved_thenAvailable() throws Exception {
    start(AtlasSimulator.builder().lifecycle(tenSecondStages().build()));
    String id = TestResources.serverless(client, V2, "instance-1").get("_id").asText();
    String one = AtlasPaths.serverlessEndpoint(V2, "instance-1", id);

    String requested = read(one).get("status").asText();
    clock.advance(TEN_SECONDS);
    String reserved = read(AtlasPaths.serverlessEndpoint(V1, "instance-1", id)).get("status").asText();
    clock.advance(JUST_BEFORE);
    String stillReserved = read(AtlasPaths.serverless(V2, "instance-1")).get(0).get("status").asText();
    clock.advance(Duration.ofMillis(1));
    String available = read(AtlasPaths.serverless(V1, "instance-1")).get(0).get("status").asText();

    assertThat(requested).isEqualTo("RESERVATION_REQUESTED");
    assertThat(reserved).isEqualTo("RESERVED");
    assertThat(stillReserved).isEqualTo("RESERVED");
    assertThat(available).isEqualTo("AVAILABLE");
  }

  @Test
  void zeroDurations_makeResourcesAvailableAtOnce_whileCreatesStillAnswerTheFirstStatus() throws Exception {
    start(AtlasSimulator.builder().lifecycle(Lifecycle.immediate()));
    JsonNode created = TestResources.service(client, "AWS", "us-east-1");
    String id = created.get("id").asText();
    JsonNode endpoint = TestResources.endpoint(client, "AWS", id, VPCE);
    JsonNode serverless = TestResources.serverless(client, V2, "instance-1");

    assertThat(created.get("status").asText()).isEqualTo("INITIATING");
    assertThat(endpoint.get("connectionStatus").asText()).isEqualTo("PENDING_ACCEPTANCE");
    assertThat(serverless.get("status").asText()).isEqualTo("RESERVATION_REQUESTED");
    assertThat(service("AWS", id).get("status").asText()).isEqualTo("AVAILABLE");
    assertThat(read(AtlasPaths.endpoint(V2, "AWS", id, VPCE)).get("connectionStatus").asText()).isEqualTo("AVAILABLE");
    assertThat(read(AtlasPaths.serverless(V2, "instance-1")).get(0).get("status").asText()).isEqualTo("AVAILABLE");
  }

  @Test
  void aServiceScriptedToFail_endsFailed_withItsErrorMessage_onlyOnceItsDurationHasPassed() throws Exception {
    start(AtlasSimulator.builder().lifecycle(tenSecondStages().build()));
    simulator.lifecycle().failNext(ResourceKind.ENDPOINT_SERVICE, "No capacity in US_EAST_1");
    JsonNode created = TestResources.service(client, "AWS", "us-east-1");
    String failing = created.get("id").asText();
    String fine = TestResources.service(client, "AWS", "eu-west-1").get("id").asText();

    clock.advance(JUST_BEFORE);
    JsonNode before = service("AWS", failing);
    clock.advance(Duration.ofMillis(1));
    JsonNode after = service("AWS", failing);

    assertThat(created.get("status").asText()).isEqualTo("INITIATING");
    assertThat(before.get("status").asText()).isEqualTo("INITIATING");
    assertThat(before.get("errorMessage").isNull()).isTrue();
    assertThat(after.get("status").asText()).isEqualTo("FAILED");
    assertThat(after.get("errorMessage").asText()).isEqualTo("No capacity in US_EAST_1");
    assertThat(service("AWS", fine).get("status").asText()).isEqualTo("AVAILABLE");
  }

  @Test
  void endpointsScriptedToFail_awsEndsRejected_azureAndGcpEndFailed() throws Exception {
    start(AtlasSimulator.builder().lifecycle(Lifecycle.immediate())
        .failNext(ResourceKind.PRIVATE_ENDPOINT, "rejected by the VPC owner")
        .fail(ResourceKind.PRIVATE_ENDPOINT, AZURE_ID, "subnet full")
        .fail(ResourceKind.PRIVATE_ENDPOINT, GCP_GROUP, "quota exceeded"));
    Map<String, String> services = TestResources.servicesWithAnEndpointEach(client);
    String aws = services.get("AWS");
    String azure = services.get("AZURE");
    String gcp = services.get("GCP");
    TestResources.endpoint(client, "AWS", aws, "vpce-0123456789abcdef1");

    JsonNode rejected = read(AtlasPaths.endpoint(V2, "AWS", aws, VPCE));
    JsonNode azureFailed = read(AtlasPaths.endpoint(V2, "AZURE", azure, AZURE_ID));
    JsonNode gcpFailed = read(AtlasPaths.endpoint(V1, "GCP", gcp, GCP_GROUP));

    assertThat(rejected.get("connectionStatus").asText()).isEqualTo("REJECTED");
    assertThat(rejected.get("errorMessage").asText()).isEqualTo("rejected by the VPC owner");
    assertThat(endpointStatus(V1, "AWS", aws, "vpce-0123456789abcdef1")).isEqualTo("AVAILABLE");
    assertThat(azureFailed.get("status").asText()).isEqualTo("FAILED");
    assertThat(azureFailed.get("errorMessage").asText()).isEqualTo("subnet full");
    assertThat(gcpFailed.get("endpoints").get(0).get("status").asText()).isEqualTo("FAILED");
    assertThat(gcpFailed.get("errorMessage").asText()).isEqualTo("quota exceeded");
  }

  @Test
  void aFailureScriptedForARegion_failsEachServiceThere_inEitherRegionStyle() throws Exception {
    start(AtlasSimulator.builder().lifecycle(Lifecycle.immediate()));
    simulator.lifecycle().fail(ResourceKind.ENDPOINT_SERVICE, "us-east-1", "region unavailable");
    String aws = TestResources.service(client, "AWS", "US_EAST_1").get("id").asText();
    String azure = TestResources.service(client, "AZURE", "us-east-1").get("id").asText();
    String elsewhere = TestResources.service(client, "AWS", "eu-west-1").get("id").asText();

    assertThat(service("AWS", aws).get("status").asText()).isEqualTo("FAILED");
    assertThat(service("AZURE", azure).get("errorMessage").asText()).isEqualTo("region unavailable");
    assertThat(service("AWS", elsewhere).get("status").asText()).isEqualTo("AVAILABLE");
  }

  @Test
  void aServerlessEndpointScriptedToFail_isReservedFirst_thenFailed() throws Exception {
    start(AtlasSimulator.builder().lifecycle(tenSecondStages().build())
        .fail(ResourceKind.SERVERLESS_PRIVATE_ENDPOINT, "doomed", "reservation lost"));
    String failing = TestResources.serverless(client, V1, "doomed").get("_id").asText();
    TestResources.serverless(client, V1, "fine");

    clock.advance(TEN_SECONDS);
    JsonNode reserved = read(AtlasPaths.serverlessEndpoint(V1, "doomed", failing));
    clock.advance(TEN_SECONDS);
    JsonNode failed = read(AtlasPaths.serverlessEndpoint(V2, "doomed", failing));

    assertThat(reserved.get("status").asText()).isEqualTo("RESERVED");
    assertThat(reserved.get("errorMessage").isNull()).isTrue();
    assertThat(failed.get("status").asText()).isEqualTo("FAILED");
    assertThat(failed.get("errorMessage").asText()).isEqualTo("reservation lost");
    assertThat(read(AtlasPaths.serverless(V2, "fine")).get(0).get("status").asText()).isEqualTo("AVAILABLE");
  }

  @Test
  void aCreateThatConflicts_usesUpNoScriptedFailure() throws Exception {
    start(AtlasSimulator.builder().lifecycle(Lifecycle.immediate()));
    TestResources.service(client, "AWS", "us-east-1");
    simulator.lifecycle().failNext(ResourceKind.ENDPOINT_SERVICE, "failed");

    int conflict = client.post(AtlasPaths.serviceCreate(), "{\"providerName\":\"AWS\",\"region\":\"us-east-1\"}")
        .statusCode();
    String next = TestResources.service(client, "AWS", "eu-west-1").get("id").asText();

    assertThat(conflict).isEqualTo(409);
    assertThat(service("AWS", next).get("status").asText()).isEqualTo("FAILED");
  }

  @Test
  void clear_removesScriptedFailures() throws Exception {
    start(AtlasSimulator.builder().lifecycle(Lifecycle.immediate())
        .failNext(ResourceKind.ENDPOINT_SERVICE, "failed"));
    simulator.lifecycle().clear();

    String id = TestResources.service(client, "AWS", "us-east-1").get("id").asText();

    assertThat(service("AWS", id).get("status").asText()).isEqualTo("AVAILABLE");
  }

  @Test
  void aNewResource_readsAs404_andIsLeftOutOfLists_untilTheWindowHasPassed() throws Exception {
    start(AtlasSimulator.builder().lifecycle(Lifecycle.builder().notFoundWindow(Duration.ofSeconds(5)).build()));
    String service = TestResources.service(client, "AWS", "us-east-1").get("id").asText();
    String serverless = TestResources.serverless(client, V2, "instance-1").get("_id").asText();
    String legacy = TestResources.legacyConnection(client, "eu-west-1").get("id").asText();

    clock.advance(Duration.ofSeconds(5).minusMillis(1));
    int serviceHidden = client.get(AtlasPaths.service(V2, "AWS", service)).statusCode();
    JsonNode servicesHidden = read(AtlasPaths.services(V2, "AWS"));
    int serverlessHidden = client.get(AtlasPaths.serverlessEndpoint(V2, "instance-1", serverless)).statusCode();
    JsonNode serverlessListHidden = read(AtlasPaths.serverless(V1, "instance-1"));
    int legacyHidden = client.get(AtlasPaths.legacyConnection(legacy)).statusCode();
    clock.advance(Duration.ofMillis(1));
    TestResources.endpoint(client, "AWS", service, VPCE);
    int endpointHidden = client.get(AtlasPaths.endpoint(V2, "AWS", service, VPCE)).statusCode();
    JsonNode serviceWithHiddenEndpoint = service("AWS", service);

    assertThat(serviceHidden).isEqualTo(404);
    assertThat(servicesHidden).isEmpty();
    assertThat(serverlessHidden).isEqualTo(404);
    assertThat(serverlessListHidden).isEmpty();
    assertThat(legacyHidden).isEqualTo(404);
    assertThat(endpointHidden).isEqualTo(404);
    assertThat(serviceWithHiddenEndpoint.get("interfaceEndpoints")).isEmpty();
    assertThat(read(AtlasPaths.services(V2, "AWS"))).hasSize(2);
    assertThat(read(AtlasPaths.serverless(V1, "instance-1"))).hasSize(1);
    clock.advance(Duration.ofSeconds(5));
    assertThat(client.get(AtlasPaths.endpoint(V1, "AWS", service, VPCE)).statusCode()).isEqualTo(200);
    assertThat(service("AWS", service).get("interfaceEndpoints")).hasSize(1);
  }
}
