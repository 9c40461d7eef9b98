package dev.atlasendpoints.core;

import static dev.atlasendpoints.core.Fixtures.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.atlasendpoints.core.errors.AtlasInvalidRequestException.Violation;
import dev.atlasendpoints.core.errors.AtlasInvalidRequestException;
import dev.atlasendpoints.generated.api.PrivateEndpointServicesApi;
import dev.atlasendpoints.generated.api.ServerlessPrivateEndpointsApi;
import dev.atlasendpoints.generated.model.CloudProvider;
import dev.atlasendpoints.generated.model.CloudProviderEndpointServiceRequest;
import dev.atlasendpoints.generated.model.CreateAWSEndpointRequest;
import dev.atlasendpoints.generated.model.CreateAzureEndpointRequest;
import dev.atlasendpoints.generated.model.CreateEndpointRequest;
import dev.atlasendpoints.generated.model.CreateGCPEndpointGroupRequest;
import dev.atlasendpoints.generated.model.PrivateEndpointConnectionRequest;
import dev.atlasendpoints.generated.model.ServerlessTenantCreateRequest;
import dev.atlasendpoints.simulator.AtlasSimulator;
import java.util.Collections;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every rule of the spec is checked before any I/O: the simulator must see no request at all. */
@SuppressWarnings("deprecation")
class ValidationTest {

  private static final String SERVICE_ID = "6a793f68c0eb9e7a17715835";
  private static AtlasSimulator simulator;
  private static AtlasClient client;
  private static PrivateEndpointServicesApi services;
  private static ServerlessPrivateEndpointsApi serverless;

  @BeforeAll
  static void start() {
    simulator = Fixtures.simulator().start();
    client = Fixtures.client(simulator).build();
    services = client.api(PrivateEndpointServicesApi.class);
    serverless = client.api(ServerlessPrivateEndpointsApi.class);
  }

  @AfterAll
  static void stop() {
    client.close();
    simulator.close();
  }

  @AfterEach
  void nothingReachedTheSimulator() {
    assertThat(simulator.counters().requests()).as("requests that reached the simulator").isZero();
  }

  private static Violation onlyViolation(ThrowingCallable call) {
    AtlasInvalidRequestException e = catchThrowableOfType(AtlasInvalidRequestException.class, call);
    assertThat(e).as("an AtlasInvalidRequestException").isNotNull();
    assertThat(e.violations()).hasSize(1);
    return e.violations().get(0);
  }

  /** A caller's subclass whose serializer writes something that is not JSON. */
  static final class RawRequest extends CloudProviderEndpointServiceRequest {
    @com.fasterxml.jackson.annotation.JsonRawValue
    public String getBroken() {
      return "{\"unclosed\": ";
    }
  }

  @Test
  void aBodyWrittenAsInvalidJson_isRefusedTyped_namingTheOperation() {
    CloudProviderEndpointServiceRequest body = new RawRequest().providerName(CloudProvider.AWS).region("us-east-1");

    IllegalArgumentException e = catchThrowableOfType(IllegalArgumentException.class,
        () -> services.createPrivateEndpointService(PROJECT, body));

    assertThat(e).as("an IllegalArgumentException").isNotNull();
    assertThat(e.getMessage()).contains("createPrivateEndpointService").contains("not written as valid JSON");
  }

  @Test
  void malformedGroupId_isRefused() {
    Violation v = onlyViolation(() -> services.createPrivateEndpointService("not-a-project-id",
        Fixtures.awsService("us-east-1")));

    assertThat(v.field()).isEqualTo("groupId");
    assertThat(v.rule()).isEqualTo("pattern ^([a-f0-9]{24})$");
  }

  @Test
  void aGroupIdWithATrailingLineBreak_isRefused_patternsMatchWholeValues() {
    Violation v = onlyViolation(() -> services.createPrivateEndpointService(PROJECT + "\n",
        Fixtures.awsService("us-east-1")));

    assertThat(v.field()).isEqualTo("groupId");
  }

  @Test
  void groupIdWithAPathSeparator_isRefused() {
    Violation v = onlyViolation(() -> services.createPrivateEndpointService(PROJECT + "/../x",
        Fixtures.awsService("us-east-1")));

    assertThat(v.field()).isEqualTo("groupId");
  }

  @Test
  void missingPathParameter_isRefused() {
    Violation v = onlyViolation(() -> services.createPrivateEndpoint(PROJECT, CloudProvider.AWS, null,
        new CreateAWSEndpointRequest().id("vpce-0123456789abcdef0")));

    assertThat(v.field()).isEqualTo("endpointServiceId");
    assertThat(v.rule()).isEqualTo("required");
  }

  @Test
  void unknownCloudProviderInThePath_isRefused() {
    Violation v = onlyViolation(() -> services.createPrivateEndpoint(PROJECT, CloudProvider.UNKNOWN_DEFAULT_OPEN_API,
        SERVICE_ID, new CreateAWSEndpointRequest().id("vpce-0123456789abcdef0")));

    assertThat(v.field()).isEqualTo("cloudProvider");
    assertThat(v.rule()).startsWith("enum");
  }

  @Test
  void malformedInstanceName_isRefused() {
    Violation v = onlyViolation(() -> serverless.createServerlessPrivateEndpoint(PROJECT, "-starts-with-dash",
        new ServerlessTenantCreateRequest()));

    assertThat(v.field()).isEqualTo("instanceName");
    assertThat(v.rule()).isEqualTo("pattern ^[a-zA-Z0-9][a-zA-Z0-9-]*$");
  }

  @Test
  void commentOver80Characters_isRefused_80IsFine() {
    Violation v = onlyViolation(() -> serverless.createServerlessPrivateEndpoint(PROJECT, "instance-1",
        new ServerlessTenantCreateRequest().comment("x".repeat(81))));

    assertThat(v.field()).isEqualTo("body.comment");
    assertThat(v.rule()).isEqualTo("maxLength 80");
    assertThat(v.problem()).isEqualTo("is 81 characters long");
  }

  @Test
  void missingRequiredBodyFields_areAllNamed() {
    AtlasInvalidRequestException e = catchThrowableOfType(AtlasInvalidRequestException.class,
        () -> services.createPrivateEndpointService(PROJECT, new CloudProviderEndpointServiceRequest()));

    assertThat(e.violations()).extracting(Violation::field).containsExactlyInAnyOrder("body.providerName",
        "body.region");
    assertThat(e.getMessage()).contains("createPrivateEndpointService was not sent").contains("body.region");
  }

  @Test
  void missingBody_isRefused() {
    Violation v = onlyViolation(() -> serverless.createServerlessPrivateEndpoint(PROJECT, "instance-1", null));

    assertThat(v.field()).isEqualTo("body");
  }

  @Test
  void tooManyRemoteRegions_isRefused() {
    Violation v = onlyViolation(() -> services.createPrivateEndpointService(PROJECT,
        Fixtures.awsService("us-east-1").supportedRemoteRegions(Collections.nCopies(36, "us-west-2"))));

    assertThat(v.field()).isEqualTo("body.supportedRemoteRegions");
    assertThat(v.rule()).isEqualTo("maxItems 35");
  }

  @Test
  void awsEndpointIdPattern_isChecked() {
    Violation v = onlyViolation(() -> services.createPrivateEndpoint(PROJECT, CloudProvider.AWS, SERVICE_ID,
        new CreateAWSEndpointRequest().id("vpce-TOO-SHORT")));

    assertThat(v.field()).isEqualTo("body.id");
    assertThat(v.rule()).isEqualTo("pattern ^vpce-[0-9a-f]{17}$");
  }

  @Test
  void azureAndGcpRequiredFields_andGcpProjectPattern_areChecked() {
    Violation azure = onlyViolation(() -> services.createPrivateEndpoint(PROJECT, CloudProvider.AZURE, SERVICE_ID,
        new CreateAzureEndpointRequest().id("/subscriptions/x/pe-1")));
    Violation gcp = onlyViolation(() -> services.createPrivateEndpoint(PROJECT, CloudProvider.GCP, SERVICE_ID,
        new CreateGCPEndpointGroupRequest().endpointGroupName("g").gcpProjectId("my-project")));

    assertThat(azure.field()).isEqualTo("body.privateEndpointIPAddress");
    assertThat(gcp.field()).isEqualTo("body.gcpProjectId");
    assertThat(gcp.rule()).isEqualTo("pattern ^p-[0-9a-z]{24}$");
  }

  @Test
  void theBaseRequestType_isRefused_becauseItNamesNoProvider() {
    Violation v = onlyViolation(() -> services.createPrivateEndpoint(PROJECT, CloudProvider.AWS, SERVICE_ID,
        new CreateEndpointRequest()));

    assertThat(v.field()).isEqualTo("body.cloudProvider");
    assertThat(v.problem()).contains("send a provider's own form");
  }

  @Test
  void legacyRequiredEnums_areChecked() {
    Violation v = onlyViolation(() -> services.createPrivateEndpointConnection(PROJECT,
        new PrivateEndpointConnectionRequest().providerName(PrivateEndpointConnectionRequest.ProviderNameEnum.AWS)));

    assertThat(v.field()).isEqualTo("body.region");
  }

  @Test
  void anUnknownEnumValueInTheBody_isRefused() {
    Violation v = onlyViolation(() -> services.createPrivateEndpointService(PROJECT,
        new CloudProviderEndpointServiceRequest().providerName(CloudProvider.UNKNOWN_DEFAULT_OPEN_API).region("x")));

    assertThat(v.field()).isEqualTo("body.providerName");
  }

  @Test
  void violationMessages_doNotEchoLongValues() {
    String longId = "z".repeat(500);
    AtlasInvalidRequestException e = catchThrowableOfType(AtlasInvalidRequestException.class,
        () -> services.createPrivateEndpointService(longId, Fixtures.awsService("us-east-1")));

    assertThat(e.getMessage()).doesNotContain(longId).contains("...");
  }
}
