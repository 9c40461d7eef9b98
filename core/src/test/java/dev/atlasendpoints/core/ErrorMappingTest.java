package dev.atlasendpoints.core;

import static dev.atlasendpoints.core.Fixtures.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.atlasendpoints.core.errors.AtlasAmbiguousOutcomeException;
import dev.atlasendpoints.core.errors.AtlasApiException;
import dev.atlasendpoints.core.errors.AtlasBadRequestException;
import dev.atlasendpoints.core.errors.AtlasConflictException;
import dev.atlasendpoints.core.errors.AtlasConnectionException;
import dev.atlasendpoints.core.errors.AtlasForbiddenException;
import dev.atlasendpoints.core.errors.AtlasGoneException;
import dev.atlasendpoints.core.errors.AtlasNotFoundException;
import dev.atlasendpoints.core.errors.AtlasRateLimitedException;
import dev.atlasendpoints.core.errors.AtlasServerException;
import dev.atlasendpoints.core.errors.AtlasTimeoutException;
import dev.atlasendpoints.generated.api.PrivateEndpointServicesApi;
import dev.atlasendpoints.generated.api.ServerlessPrivateEndpointsApi;
import dev.atlasendpoints.generated.model.CloudProvider;
import dev.atlasendpoints.generated.model.CreateAWSEndpointRequest;
import dev.atlasendpoints.generated.model.ServerlessTenantCreateRequest;
import dev.atlasendpoints.simulator.ApiKey;
import dev.atlasendpoints.simulator.AtlasSimulator;
import dev.atlasendpoints.simulator.Fault;
import dev.atlasendpoints.simulator.Operation;
import dev.atlasendpoints.simulator.RateLimit;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each way a call can fail, as the typed exception callers branch on. */
@SuppressWarnings("deprecation")
class ErrorMappingTest {

  @RegisterExtension
  final SimulatedAtlas atlas = new SimulatedAtlas();

  private PrivateEndpointServicesApi services(AtlasSimulator.Builder builder, HttpSettings settings) {
    return atlas.start(builder, Fixtures.apiKeyClient().httpSettings(settings), PrivateEndpointServicesApi.class);
  }

  private PrivateEndpointServicesApi services(AtlasSimulator.Builder builder) {
    return services(builder, HttpSettings.defaults());
  }

  private static <T extends Throwable> T thrownBy(Class<T> type, org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    T thrown = catchThrowableOfType(type, call);
    assertThat(thrown).as("a " + type.getSimpleName()).isNotNull();
    return thrown;
  }

  @Test
  void badRequestFromAtlas_carriesItsFieldErrors() {
    PrivateEndpointServicesApi api = services(Fixtures.simulator());

    AtlasBadRequestException e = thrownBy(AtlasBadRequestException.class,
        () -> api.createPrivateEndpointService(PROJECT, Fixtures.awsService("   ")));

    assertThat(e.status()).isEqualTo(400);
    assertThat(e.errorCode()).isEqualTo("VALIDATION_ERROR");
    assertThat(e.fieldErrors()).extracting(f -> f.field()).containsExactly("region");
    assertThat(e.operationId()).isEqualTo("createPrivateEndpointService");
  }

  @Test
  void forbiddenProject() {
    PrivateEndpointServicesApi api = services(AtlasSimulator.builder()
        .apiKey(ApiKey.of(Fixtures.PUBLIC_KEY, Fixtures.PRIVATE_KEY, "aaaaaaaaaaaaaaaaaaaaaaaa")));

    AtlasForbiddenException e = thrownBy(AtlasForbiddenException.class,
        () -> api.createPrivateEndpointService(PROJECT, Fixtures.awsService("us-east-1")));

    assertThat(e.status()).isEqualTo(403);
  }

  @Test
  void unknownProject_andUnknownService_areNotFound_withTheirCodes() {
    PrivateEndpointServicesApi api = services(Fixtures.simulator().project("bbbbbbbbbbbbbbbbbbbbbbbb"));

    AtlasNotFoundException group = thrownBy(AtlasNotFoundException.class,
        () -> api.createPrivateEndpointService(PROJECT, Fixtures.awsService("us-east-1")));
    AtlasNotFoundException service = thrownBy(AtlasNotFoundException.class,
        () -> api.createPrivateEndpoint("bbbbbbbbbbbbbbbbbbbbbbbb", CloudProvider.AWS, "cccccccccccccccccccccccc",
            new CreateAWSEndpointRequest().id("vpce-0123456789abcdef0")));

    assertThat(group.errorCode()).isEqualTo("GROUP_NOT_FOUND");
    assertThat(group.parameters()).containsExactly(PROJECT);
    assertThat(service.errorCode()).isEqualTo("RESOURCE_NOT_FOUND");
  }

  @Test
  void duplicateService_isAConflict() {
    PrivateEndpointServicesApi api = services(Fixtures.simulator());
    api.createPrivateEndpointService(PROJECT, Fixtures.awsService("us-east-1"));

    AtlasConflictException e = thrownBy(AtlasConflictException.class,
        () -> api.createPrivateEndpointService(PROJECT, Fixtures.awsService("us-east-1")));

    assertThat(e.errorCode()).isEqualTo("PRIVATE_ENDPOINT_SERVICE_ALREADY_EXISTS_FOR_REGION");
    assertThat(e.getMessage()).contains("409 Conflict (PRIVATE_ENDPOINT_SERVICE_ALREADY_EXISTS_FOR_REGION)");
  }

  @Test
  void sunsetOperation_isGone() {
    ServerlessPrivateEndpointsApi api = atlas.start(Fixtures.simulator().sunsetEnforced(true), Fixtures.apiKeyClient(),
        ServerlessPrivateEndpointsApi.class);

    AtlasGoneException e = thrownBy(AtlasGoneException.class,
        () -> api.createServerlessPrivateEndpoint(PROJECT, "instance-1", new ServerlessTenantCreateRequest()));

    assertThat(e.errorCode()).isEqualTo("VERSION_GONE");
  }

  @Test
  void emptyBucket_isRateLimited_withRetryAfterAndParameters() {
    PrivateEndpointServicesApi api = services(Fixtures.simulator().rateLimit(new RateLimit(1, 5, 60)));
    api.createPrivateEndpointService(PROJECT, Fixtures.awsService("us-east-1"));

    AtlasRateLimitedException e = thrownBy(AtlasRateLimitedException.class,
        () -> api.createPrivateEndpointService(PROJECT, Fixtures.awsService("us-east-2")));

    assertThat(e.errorCode()).isEqualTo("RATE_LIMITED_TOKEN_BUCKET");
    assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(12));
    assertThat(e.parameters()).hasSize(5).element(1).isEqualTo(12);
  }

  @Test
  void serverFaults_areServerExceptions_anyOtherStatusTheBaseType() {
    PrivateEndpointServicesApi api = services(Fixtures.simulator());
    atlas.simulator().faults().next(Operation.CREATE_PRIVATE_ENDPOINT_SERVICE, Fault.internalServerError())
        .next(Operation.CREATE_PRIVATE_ENDPOINT_SERVICE, Fault.serviceUnavailable(3));

    AtlasServerException internal = thrownBy(AtlasServerException.class,
        () -> api.createPrivateEndpointService(PROJECT, Fixtures.awsService("us-east-1")));
    AtlasServerException unavailable = thrownBy(AtlasServerException.class,
        () -> api.createPrivateEndpointService(PROJECT, Fixtures.awsService("us-east-1")));

    assertThat(internal.errorCode()).isEqualTo("UNEXPECTED_ERROR");
    assertThat(unavailable.status()).isEqualTo(503);
    assertThat(unavailable.retryAfter()).hasValue(Duration.ofSeconds(3));
    assertThat(AtlasApiException.of(new dev.atlasendpoints.core.errors.ApiErrorDetails("op", 402,
        "NO_PAYMENT_INFORMATION_FOUND", null, null, null, null, null))).isExactlyInstanceOf(AtlasApiException.class);
  }

  @Test
  void droppedConnections_areAmbiguous_andSayTheRequestMayHaveBeenProcessed() {
    PrivateEndpointServicesApi api = services(Fixtures.simulator());
    api.createPrivateEndpointService(PROJECT, Fixtures.awsService("us-east-1")); // cache the nonce
    atlas.simulator().faults().next(Operation.CREATE_PRIVATE_ENDPOINT_SERVICE, Fault.createdThenDropped())
        .next(Operation.CREATE_PRIVATE_ENDPOINT_SERVICE, Fault.resetBeforeProcessing());

    AtlasAmbiguousOutcomeException created = thrownBy(AtlasAmbiguousOutcomeException.class,
        () -> api.createPrivateEndpointService(PROJECT, Fixtures.awsService("us-east-2")));
    AtlasAmbiguousOutcomeException reset = thrownBy(AtlasAmbiguousOutcomeException.class,
        () -> api.createPrivateEndpointService(PROJECT, Fixtures.awsService("us-west-1")));

    assertThat(created.requestMayHaveBeenProcessed()).isTrue();
    assertThat(reset.requestMayHaveBeenProcessed()).isTrue();
    assertThat(created.operationId()).isEqualTo("createPrivateEndpointService");
    assertThat(atlas.simulator().inventory().resources()).hasSize(2);
  }

  @Test
  void slowAnswer_isATimeout() {
    PrivateEndpointServicesApi api = services(Fixtures.simulator(),
        HttpSettings.builder().readTimeout(Duration.ofMillis(300)).build());
    atlas.simulator().faults().withProbability(Operation.CREATE_PRIVATE_ENDPOINT_SERVICE, 1.0,
        Fault.latency(Duration.ofSeconds(2)));

    AtlasTimeoutException e = thrownBy(AtlasTimeoutException.class,
        () -> api.createPrivateEndpointService(PROJECT, Fixtures.awsService("us-east-1")));

    assertThat(e.requestMayHaveBeenProcessed()).isTrue();
  }

  @Test
  void nothingListening_isAConnectionFailure_thatProvesNothingWasSent() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    PrivateEndpointServicesApi api = atlas.connect(Fixtures.apiKeyClient().baseUrl("http://127.0.0.1:" + closedPort),
        PrivateEndpointServicesApi.class);

    AtlasConnectionException e = thrownBy(AtlasConnectionException.class,
        () -> api.createPrivateEndpointService(PROJECT, Fixtures.awsService("us-east-1")));

    assertThat(e.requestMayHaveBeenProcessed()).isFalse();
  }
}
