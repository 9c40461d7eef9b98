package dev.atlasendpoints.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atlasendpoints.core.AtlasClient;
import dev.atlasendpoints.core.AtlasOperation;
import dev.atlasendpoints.core.ClientLayer;
import dev.atlasendpoints.core.LayerPosition;
import dev.atlasendpoints.core.errors.AtlasAmbiguousOutcomeException;
import dev.atlasendpoints.core.errors.AtlasConflictException;
import dev.atlasendpoints.core.errors.AtlasRateLimitedException;
import dev.atlasendpoints.generated.api.PrivateEndpointServicesApi;
import dev.atlasendpoints.generated.api.ServerlessPrivateEndpointsApi;
import dev.atlasendpoints.generated.model.CloudProvider;
import dev.atlasendpoints.generated.model.CloudProviderEndpointServiceRequest;
import dev.atlasendpoints.generated.model.ServerlessTenantCreateRequest;
import dev.atlasendpoints.simulator.ApiKey;
import dev.atlasendpoints.simulator.AtlasSimulator;
import dev.atlasendpoints.simulator.Fault;
import dev.atlasendpoints.simulator.Operation;
import dev.atlasendpoints.simulator.ServiceAccount;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the layers record for real calls against the simulator. */
@SuppressWarnings("deprecation")
class AtlasMetricsTest {

  static final String PROJECT = "32b6e34b3d91647abb20e7b8";
  private static final String SECRET = "s3cret-value-of-the-key";

  private AtlasSimulator simulator;
  private MeterRegistry registry;
  private AtlasClient client;

  @BeforeEach
  void start() {
    simulator = AtlasSimulator.builder().apiKey(ApiKey.of("public", SECRET)).start();
    registry = new SimpleMeterRegistry();
  }

  @AfterEach
  void stop() {
    if (client != null) {
      client.close();
    }
    simulator.close();
  }

  private AtlasClient client(ClientLayer... extra) {
    AtlasMetrics metrics = AtlasMetrics.of(registry);
    AtlasClient.Builder builder = AtlasClient.builder().baseUrl(simulator.baseUri().toString())
        .apiKey("public", SECRET).layer(metrics.callLayer()).layer(metrics.exchangeLayer()).listener(metrics.eventListener());
    for (ClientLayer layer : extra) {
      builder.layer(layer);
    }
    client = builder.build();
    return client;
  }

  private static CloudProviderEndpointServiceRequest service(String region) {
    return new CloudProviderEndpointServiceRequest().providerName(CloudProvider.AWS).region(region);
  }

  @Test
  void callsAndExchanges_differByTheDigestChallenge() {
    PrivateEndpointServicesApi api = client().api(PrivateEndpointServicesApi.class);

    api.createPrivateEndpointService(PROJECT, service("us-east-1"));
    api.createPrivateEndpointService(PROJECT, service("us-east-2"));
    var last = api.createPrivateEndpointServiceWithHttpInfo(PROJECT, service("us-west-1"));
    double remaining = Double.parseDouble(last.getHeaders().entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase("RateLimit-Remaining")).findFirst().orElseThrow().getValue()
        .iterator().next());

    assertThat(registry.get(MeterNames.CALLS).tag(MeterNames.OPERATION, "createPrivateEndpointService")
        .tag(MeterNames.STATUS, "201").tag(MeterNames.OUTCOME, "SUCCESS").timer().count()).isEqualTo(3);
    assertThat(registry.get(MeterNames.EXCHANGES).tag(MeterNames.STATUS, "201").timer().count()).isEqualTo(3);
    assertThat(registry.get(MeterNames.EXCHANGES).tag(MeterNames.STATUS, "401").timer().count()).isEqualTo(1);
    assertThat(registry.get(MeterNames.AUTH_CHALLENGES).counter().count()).isEqualTo(1);
    assertThat(registry.get(MeterNames.RATE_LIMIT_REMAINING)
        .tag(MeterNames.ENDPOINT_SET, "/api/atlas/v2/groups/{groupId}/privateEndpoint").gauge().value())
        .isEqualTo(remaining);
  }

  @Test
  void failures_areTaggedWithStatusOutcomeAndException() {
    PrivateEndpointServicesApi api = client().api(PrivateEndpointServicesApi.class);
    api.createPrivateEndpointService(PROJECT, service("us-east-1"));
    simulator.faults().next(Operation.CREATE_PRIVATE_ENDPOINT_SERVICE, Fault.tooManyRequests(1));

    assertThatThrownBy(() -> api.createPrivateEndpointService(PROJECT, service("us-east-2")))
        .isInstanceOf(AtlasRateLimitedException.class);
    assertThatThrownBy(() -> api.createPrivateEndpointService(PROJECT, service("us-east-1")))
        .isInstanceOf(AtlasConflictException.class);

    assertThat(registry.get(MeterNames.CALLS).tag(MeterNames.STATUS, "429").tag(MeterNames.OUTCOME, "CLIENT_ERROR")
        .timer().count()).isEqualTo(1);
    assertThat(registry.get(MeterNames.CALLS).tag(MeterNames.STATUS, "409").timer().count()).isEqualTo(1);
    assertThat(registry.get(MeterNames.THROTTLED).counter().count()).isEqualTo(1);
  }

  @Test
  void aConnectionFailure_isTimedWithItsExceptionAndNoStatus() {
    simulator.faults().next(Operation.CREATE_PRIVATE_ENDPOINT_SERVICE, Fault.resetBeforeProcessing());
    PrivateEndpointServicesApi api = client().api(PrivateEndpointServicesApi.class);

    assertThatThrownBy(() -> api.createPrivateEndpointService(PROJECT, service("us-east-1")))
        .isInstanceOf(AtlasAmbiguousOutcomeException.class);

    assertThat(registry.get(MeterNames.CALLS).tag(MeterNames.STATUS, MeterNames.NONE)
        .tag(MeterNames.EXCEPTION, "AtlasAmbiguousOutcomeException").tag(MeterNames.OUTCOME, "UNKNOWN")
        .timer().count()).isEqualTo(1);
  }

  @Test
  void deprecatedOperations_areCounted() {
    ServerlessPrivateEndpointsApi api = client().api(ServerlessPrivateEndpointsApi.class);

    api.createServerlessPrivateEndpoint(PROJECT, "instance-1", new ServerlessTenantCreateRequest());
    api.createServerlessPrivateEndpointV1(PROJECT, "instance-1", new ServerlessTenantCreateRequest());

    assertThat(registry.get(MeterNames.DEPRECATED_CALLS).counters()).hasSize(2)
        .allSatisfy(counter -> assertThat(counter.count()).isEqualTo(1));
  }

  @Test
  void retriesAndThrottles_reportedByAnotherLayer_areCounted() {
    ClientLayer reporter = ClientLayer.of(LayerPosition.RETRY, "reporter", (next, context) -> (request, options) -> {
      AtlasOperation operation = context.call(request).operation();
      context.events().onRetry(operation, 1, Duration.ofMillis(5), "429");
      context.events().onClientThrottle(operation, Duration.ofMillis(3), false);
      return next.execute(request, options);
    });
    client(reporter).api(PrivateEndpointServicesApi.class)
        .createPrivateEndpointService(PROJECT, service("us-east-1"));

    assertThat(registry.get(MeterNames.RETRIES).tag(MeterNames.REASON, "429").counter().count()).isEqualTo(1);
    assertThat(registry.get(MeterNames.RATE_LIMIT_WAITS).tag(MeterNames.REFUSED, "false").counter().count())
        .isEqualTo(1);
  }

  @Test
  void sharedLimitFallbacks_reportedByTheRateLimiter_areCountedPerEndpointSet() {
    String endpointSet = "/api/atlas/v2/groups/{groupId}/privateEndpoint";
    AtlasMetrics metrics = AtlasMetrics.of(registry);

    metrics.eventListener().onSharedLimitsFallback(endpointSet);
    metrics.eventListener().onSharedLimitsFallback(endpointSet);

    assertThat(registry.get(MeterNames.RATE_LIMIT_FALLBACKS).tag(MeterNames.ENDPOINT_SET, endpointSet).counter()
        .count()).isEqualTo(2);
  }

  @Test
  void theAllowedRate_reportedByTheRateLimiter_isAGaugePerEndpointSet() {
    String endpointSet = "/api/atlas/v2/groups/{groupId}/privateEndpoint";
    AtlasMetrics metrics = AtlasMetrics.of(registry);

    metrics.eventListener().onRateChange(endpointSet, 7.5);
    metrics.eventListener().onRateChange(endpointSet, 0);
    metrics.eventListener().onRateChange(endpointSet, 3.5);

    assertThat(registry.get(MeterNames.RATE_LIMIT_RATE).tag(MeterNames.ENDPOINT_SET, endpointSet).gauge().value())
        .isEqualTo(3.5);
  }

  @Test
  void everySampleOfAMeter_carriesTheSameTagKeys_andNoProjectIdOrSecret() {
    PrivateEndpointServicesApi api = client().api(PrivateEndpointServicesApi.class);
    api.createPrivateEndpointService(PROJECT, service("us-east-1"));
    simulator.faults().next(Operation.CREATE_PRIVATE_ENDPOINT_SERVICE, Fault.resetBeforeProcessing());
    assertThatThrownBy(() -> api.createPrivateEndpointService(PROJECT, service("us-east-2")))
        .isInstanceOf(AtlasAmbiguousOutcomeException.class);

    for (String name : new String[] {MeterNames.CALLS, MeterNames.EXCHANGES}) {
      Set<Set<String>> keySets = registry.find(name).meters().stream()
          .map(m -> m.getId().getTags().stream().map(t -> t.getKey()).collect(Collectors.toSet()))
          .collect(Collectors.toSet());
      assertThat(keySets).as(name).singleElement().isEqualTo(Set.of(MeterNames.OPERATION, MeterNames.METHOD,
          MeterNames.URI, MeterNames.STATUS, MeterNames.OUTCOME, MeterNames.EXCEPTION));
    }
    for (Meter meter : registry.getMeters()) {
      assertThat(meter.getId().getTags()).noneMatch(t -> t.getValue().contains(PROJECT) || t.getValue().contains(SECRET));
    }
  }

  @Test
  void serviceAccountTokenRequests_areExchanges_ofTheirOwnOperation() {
    simulator.close();
    simulator = AtlasSimulator.builder().serviceAccount(ServiceAccount.of("mdb_sa_id_1", SECRET)).start();
    AtlasMetrics metrics = AtlasMetrics.of(registry);
    client = AtlasClient.builder().baseUrl(simulator.baseUri().toString()).serviceAccount("mdb_sa_id_1", SECRET)
        .layer(metrics.callLayer()).layer(metrics.exchangeLayer()).build();

    client.api(PrivateEndpointServicesApi.class).createPrivateEndpointService(PROJECT, service("us-east-1"));
    client.close();
    client = null;

    Timer token = registry.get(MeterNames.EXCHANGES).tag(MeterNames.OPERATION, "serviceAccountToken")
        .tag(MeterNames.URI, "/api/oauth/token").tag(MeterNames.STATUS, "200").timer();
    Timer revoke = registry.get(MeterNames.EXCHANGES).tag(MeterNames.OPERATION, "revokeServiceAccountToken").timer();
    assertThat(token.count()).isEqualTo(1);
    assertThat(revoke.count()).isEqualTo(1);
    assertThat(registry.find(MeterNames.CALLS).tag(MeterNames.OPERATION, "serviceAccountToken").timers()).isEmpty();
  }

  @Test
  void aFailingRegistry_neverBreaksTheCall() {
    registry.config().meterFilter(new MeterFilter() {
      @Override
      public Meter.Id map(Meter.Id id) {
        throw new IllegalStateException("registry down");
      }
    });

    var created = client().api(PrivateEndpointServicesApi.class)
        .createPrivateEndpointService(PROJECT, service("us-east-1"));

    assertThat(created.getId()).isNotBlank();
  }
}
