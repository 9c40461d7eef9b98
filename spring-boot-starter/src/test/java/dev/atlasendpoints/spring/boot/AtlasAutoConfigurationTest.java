package dev.atlasendpoints.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atlasendpoints.core.AtlasClient;
import dev.atlasendpoints.core.ClientLayer;
import dev.atlasendpoints.core.LayerPosition;
import dev.atlasendpoints.core.HttpSettings;
import dev.atlasendpoints.generated.api.PrivateEndpointServicesApi;
import dev.atlasendpoints.generated.api.ServerlessPrivateEndpointsApi;
import dev.atlasendpoints.metrics.AtlasMetrics;
import dev.atlasendpoints.observation.AtlasObservations;
import dev.atlasendpoints.ratelimit.redis.RedisSharedLimits;
import dev.atlasendpoints.resilience.RateLimitLayer;
import dev.atlasendpoints.resilience.RateLimitSettings;
import dev.atlasendpoints.resilience.RetryLayer;
import dev.atlasendpoints.resilience.RetrySettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The auto-configuration: each property, each classpath combination, and bad credentials. */
@ExtendWith(OutputCaptureExtension.class)
class AtlasAutoConfigurationTest {

  /** The layer modules, as packages a {@link FilteredClassLoader} hides. */
  static final String RESILIENCE = "dev.atlasendpoints.resilience.";
  static final String METRICS = "dev.atlasendpoints.metrics.";
  static final String OBSERVATION = "dev.atlasendpoints.observation.";

  static final String SECRET = "very-secret-private-key-4711";
  static final String CLIENT_SECRET = "mdb_sa_sk_even-more-secret-0815";

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(AtlasAutoConfiguration.class));
  private final ApplicationContextRunner withKey = runner
      .withPropertyValues("atlas.api-key.public-key=public-key-1", "atlas.api-key.private-key=" + SECRET);

  @Configuration(proxyBeanMethods = false)
  static class Registries {
    @Bean
    MeterRegistry meterRegistry() {
      return new SimpleMeterRegistry();
    }

    @Bean
    ObservationRegistry observationRegistry() {
      return ObservationRegistry.create();
    }
  }

  private static List<String> layers(org.springframework.context.ApplicationContext context) {
    return context.getBean(AtlasClient.class).layerOrder();
  }

  @Test
  void anApiKey_givesAClient_itsApis_andTheResilienceLayers_butNoMetricsWithoutARegistry() {
    withKey.run(context -> {
      assertThat(context).hasNotFailed().hasSingleBean(AtlasClient.class)
          .hasSingleBean(PrivateEndpointServicesApi.class).hasSingleBean(ServerlessPrivateEndpointsApi.class)
          .doesNotHaveBean(AtlasMetrics.class).doesNotHaveBean(AtlasObservations.class);
      assertThat(context.getBean(AtlasClient.class).baseUrl()).isEqualTo(AtlasClient.DEFAULT_BASE_URL);
      assertThat(layers(context)).containsExactly("RETRY:atlas-retry", "RATE_LIMIT:atlas-rate-limit",
          "AUTHENTICATION:digest-authentication");
      assertThat(context.getBean(PrivateEndpointServicesApi.class))
          .isSameAs(context.getBean(AtlasClient.class).api(PrivateEndpointServicesApi.class));
    });
  }

  @Test
  void withRegistries_theMetricsAndObservationLayersJoin_boundToThoseRegistries() {
    withKey.withUserConfiguration(Registries.class).run(context -> {
      assertThat(layers(context)).containsExactly("CALL:atlas-metrics-calls", "CALL:atlas-observation-calls",
          "RETRY:atlas-retry", "RATE_LIMIT:atlas-rate-limit", "AUTHENTICATION:digest-authentication",
          "EXCHANGE:atlas-metrics-exchanges", "EXCHANGE:atlas-observation-exchanges");
      assertThat(context).hasSingleBean(AtlasMetrics.class).hasSingleBean(AtlasObservations.class);
    });
  }

  @Test
  void eachLayer_canBeSwitchedOff() {
    withKey.withUserConfiguration(Registries.class).withPropertyValues("atlas.retry.enabled=false",
        "atlas.rate-limit.enabled=false", "atlas.metrics.enabled=false", "atlas.observation.enabled=false")
        .run(context -> assertThat(layers(context)).containsExactly("AUTHENTICATION:digest-authentication"));
  }

  @Test
  void withoutTheLayerModules_onlyCoreIsConfigured() {
    withKey.withUserConfiguration(Registries.class)
        .withClassLoader(new FilteredClassLoader(RESILIENCE, METRICS, OBSERVATION))
        .run(context -> {
          assertThat(context).hasNotFailed().doesNotHaveBean(RetrySettings.class)
              .doesNotHaveBean(AtlasMetrics.class).doesNotHaveBean(AtlasObservations.class);
          assertThat(layers(context)).containsExactly("AUTHENTICATION:digest-authentication");
        });
  }

  @Test
  void eachModule_aloneOnTheClasspath_bringsItsOwnLayers() {
    ApplicationContextRunner registries = withKey.withUserConfiguration(Registries.class);
    registries.withClassLoader(new FilteredClassLoader(METRICS, OBSERVATION))
        .run(context -> assertThat(layers(context)).containsExactly("RETRY:atlas-retry",
            "RATE_LIMIT:atlas-rate-limit", "AUTHENTICATION:digest-authentication"));
    registries.withClassLoader(new FilteredClassLoader(RESILIENCE, OBSERVATION))
        .run(context -> assertThat(layers(context)).containsExactly("CALL:atlas-metrics-calls",
            "AUTHENTICATION:digest-authentication", "EXCHANGE:atlas-metrics-exchanges"));
    registries.withClassLoader(new FilteredClassLoader(RESILIENCE, METRICS))
        .run(context -> assertThat(layers(context)).containsExactly("CALL:atlas-observation-calls",
            "AUTHENTICATION:digest-authentication", "EXCHANGE:atlas-observation-exchanges"));
  }

  @Test
  void everyProperty_reachesTheSettings() {
    withKey.withPropertyValues("atlas.base-url=https://atlas.example.com/", "atlas.http.connect-timeout=3s",
        "atlas.http.read-timeout=45s", "atlas.http.max-response-size=2MB", "atlas.http.allow-insecure-http=true",
        "atlas.http.user-agent-suffix=orders-service/1.2", "atlas.retry.max-attempts=6",
        "atlas.retry.initial-backoff=50ms", "atlas.retry.max-backoff=5s", "atlas.retry.multiplier=3",
        "atlas.retry.max-total-wait=20s", "atlas.retry.replay-ambiguous-outcomes=true",
        "atlas.rate-limit.permits=7", "atlas.rate-limit.period=2s", "atlas.rate-limit.max-wait=9s",
        "atlas.rate-limit.learn-from-service=false").run(context -> {
          assertThat(context.getBean(AtlasClient.class).baseUrl()).isEqualTo("https://atlas.example.com");
          assertThat(context.getBean(HttpSettings.class)).isEqualTo(new HttpSettings(Duration.ofSeconds(3),
              Duration.ofSeconds(45), 2L << 20, true, "orders-service/1.2"));
          RetrySettings retry = context.getBean(RetrySettings.class);
          assertThat(retry).isEqualTo(RetrySettings.builder().maxAttempts(6).initialBackoff(Duration.ofMillis(50))
              .maxBackoff(Duration.ofSeconds(5)).multiplier(3).maxTotalWait(Duration.ofSeconds(20))
              .replayAmbiguousOutcomes(true).build());
          assertThat(context.getBean(RateLimitSettings.class)).isEqualTo(RateLimitSettings.builder()
              .defaultLimit(7, Duration.ofSeconds(2)).maxWait(Duration.ofSeconds(9)).learnFromService(false).build());
        });
  }

  @Test
  void withNoProperties_theSettingsAreTheSdkDefaults() {
    withKey.run(context -> {
      assertThat(context.getBean(HttpSettings.class)).isEqualTo(HttpSettings.defaults());
      assertThat(context.getBean(RetrySettings.class)).isEqualTo(RetrySettings.defaults());
      assertThat(context.getBean(RateLimitSettings.class)).isEqualTo(RateLimitSettings.defaults());
    });
  }

  @Test
  void aServiceAccount_givesABearerClient() {
    runner.withPropertyValues("atlas.service-account.client-id=mdb_sa_id_1",
        "atlas.service-account.client-secret=" + CLIENT_SECRET)
        .run(context -> assertThat(layers(context)).contains("AUTHENTICATION:service-account-authentication"));
  }

  @Test
  void applicationBeans_replaceTheStartersSettings_andApplicationLayersJoin() {
    RetrySettings mine = RetrySettings.builder().maxAttempts(2).build();
    withKey.withBean(RetrySettings.class, () -> mine)
        .withBean("auditLayer", dev.atlasendpoints.core.ClientLayer.class,
            () -> dev.atlasendpoints.core.ClientLayer.of(dev.atlasendpoints.core.LayerPosition.CALL, "audit",
                (next, context) -> next))
        .run(context -> {
          assertThat(context.getBean(RetrySettings.class)).isSameAs(mine);
          assertThat(layers(context)).contains("CALL:audit");
        });
  }

  @Test
  void anApplicationsRetryOrRateLimitLayer_replacesTheStarters() {
    RetryLayer retry = RetryLayer.of(RetrySettings.builder().maxAttempts(2).build());
    RateLimitLayer rateLimit = RateLimitLayer.of(RateLimitSettings.defaults());
    withKey.withBean(RetryLayer.class, () -> retry).withBean(RateLimitLayer.class, () -> rateLimit).run(context -> {
      assertThat(context).hasNotFailed();
      assertThat(context.getBean(RetryLayer.class)).isSameAs(retry);
      assertThat(context.getBean(RateLimitLayer.class)).isSameAs(rateLimit);
      assertThat(layers(context)).containsExactly("RETRY:atlas-retry", "RATE_LIMIT:atlas-rate-limit",
          "AUTHENTICATION:digest-authentication");
    });
  }

  @Test
  void theMetricsAndObservationLayers_areReplacedByBeansOfTheirNames() {
    ApplicationContextRunner mine = withKey.withUserConfiguration(Registries.class);
    for (String[] replaced : new String[][] {
        {"atlasMetricsCallLayer", "CALL", "CALL:atlas-metrics-calls"},
        {"atlasMetricsExchangeLayer", "EXCHANGE", "EXCHANGE:atlas-metrics-exchanges"},
        {"atlasObservationCallLayer", "CALL", "CALL:atlas-observation-calls"},
        {"atlasObservationExchangeLayer", "EXCHANGE", "EXCHANGE:atlas-observation-exchanges"}}) {
      LayerPosition position = LayerPosition.valueOf(replaced[1]);
      mine.withBean(replaced[0], ClientLayer.class, () -> ClientLayer.of(position, "mine", (next, context) -> next))
          .run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(layers(context)).as(replaced[0]).contains(replaced[1] + ":mine").doesNotContain(replaced[2])
                .hasSize(7);
          });
    }
  }

  @Test
  void theClient_isClosedWithTheContext() {
    withKey.run(context -> {
      PrivateEndpointServicesApi api = context.getBean(PrivateEndpointServicesApi.class);
      context.close();
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> api.getPrivateEndpointService("32b6e34b3d91647abb20e7b8",
          dev.atlasendpoints.generated.model.CloudProvider.AWS, "64e7a2b1c4d5e6f708192a3b")).isInstanceOf(IllegalStateException.class);
    });
  }

  @Test
  void noCredentials_failsStartUp_namingTheProperties() {
    runner.run(context -> {
      assertThat(context).hasFailed();
      Throwable failure = context.getStartupFailure();
      AtlasCredentialsException cause = findCause(failure);
      assertThat(cause.getMessage()).contains("atlas.api-key.public-key", "atlas.api-key.private-key",
          "atlas.service-account.client-id", "atlas.service-account.client-secret");
      FailureAnalysis analysis = new AtlasCredentialsFailureAnalyzer().analyze(failure);
      assertThat(analysis.getDescription()).contains("atlas.api-key.public-key");
      assertThat(analysis.getAction()).contains("ATLAS_APIKEY_PRIVATEKEY");
    });
  }

  @Test
  void halfAKey_namesTheMissingHalf_andNeverTheSecret() {
    runner.withPropertyValues("atlas.api-key.private-key=" + SECRET).run(context -> {
      AtlasCredentialsException cause = findCause(context.getStartupFailure());
      assertThat(cause.properties()).containsExactly("atlas.api-key.public-key");
      assertThat(cause.getMessage()).doesNotContain(SECRET);
    });
    runner.withPropertyValues("atlas.service-account.client-id=id", "atlas.api-key.public-key=p").run(context ->
        assertThat(findCause(context.getStartupFailure()).getMessage()).contains("not both"));
  }

  @Test
  void theProperties_neverShowTheSecrets(CapturedOutput output) {
    withKey.withPropertyValues("atlas.rate-limit.enabled=false",
        "atlas.rate-limit.shared-limits-url=redis://user:redis-password-99@localhost:6379").run(context -> {
          AtlasProperties properties = context.getBean(AtlasProperties.class);
          System.out.println(properties);
          assertThat(properties.toString()).contains("public-key-1", "redis://******@localhost:6379")
              .doesNotContain(SECRET, "redis-password-99");
          assertThat(context.getBean(AtlasClient.class).toString()).doesNotContain(SECRET);
        });
    runner.withPropertyValues("atlas.service-account.client-id=mdb_sa_id_1",
        "atlas.service-account.client-secret=" + CLIENT_SECRET).run(context ->
            assertThat(context.getBean(AtlasProperties.class).toString()).contains("mdb_sa_id_1")
                .doesNotContain(CLIENT_SECRET));
    assertThat(output.getAll()).contains("AtlasProperties[").doesNotContain(SECRET, "redis-password-99");
  }

  /** Redis URLs java.net.URI refuses or misreads: the password must not show either. */
  @Test
  void theProperties_neverShowTheRedisPassword_ofUrlsJavaNetUriCannotParse() {
    String[][] urls = {
        {"redis://default:s3cr3t@my_host:6379", "s3cr3t", "redis://******@my_host:6379"},
        {"redis://:pa@ss@host:6379", "pa@ss", "redis://******@host:6379"},
        {"redis://user:pa#ss@host:6379", "pa#ss", "redis://******@host:6379"},
        {"redis://u:p4ssw0rd@h1:1,h2:2", "p4ssw0rd", "redis://******@h1:1,h2:2"}};
    SoftAssertions.assertSoftly(softly -> {
      for (String[] url : urls) {
        AtlasProperties.RateLimit limit = new AtlasProperties.RateLimit(true, 1, Duration.ofSeconds(1),
            Duration.ofSeconds(1), true, url[0]);
        AtlasProperties properties = new AtlasProperties("https://cloud.mongodb.com", null, null, null, null, limit,
            null, null);
        softly.assertThat(properties.toString()).as(url[1]).contains(url[2]).doesNotContain(url[1]);
      }
    });
  }

  @Test
  void aSharedLimitsUrl_withoutTheSharedLimitsModule_failsStartUp_sayingWhatToAdd() {
    withKey.withClassLoader(new FilteredClassLoader(RedisSharedLimits.class))
        .withPropertyValues("atlas.rate-limit.shared-limits-url=redis://localhost:6379").run(context ->
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("atlas-ratelimit-redis"));
  }

  @Test
  void aSharedLimitsUrl_withTheSharedLimitsModule_sharesTheRateLimits_andClosesTheStoreWithTheContext() throws Exception {
    int closedPort;
    try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = free.getLocalPort(); // nothing listens there once closed: start-up must not wait for Redis
    }
    RedisSharedLimits[] store = new RedisSharedLimits[1];
    withKey.withPropertyValues("atlas.rate-limit.shared-limits-url=redis://:redis-password-77@127.0.0.1:" + closedPort)
        .run(context -> {
          assertThat(context).hasNotFailed().hasSingleBean(RedisSharedLimits.class);
          store[0] = context.getBean(RedisSharedLimits.class);
          assertThat(context.getBean(RateLimitSettings.class).sharedStore()).containsSame(store[0]);
          assertThat(store[0].toString()).doesNotContain("redis-password-77");
        });
    assertThat(store[0].toString()).contains("closed");
  }

  @Test
  void aBlankSharedLimitsUrl_asFromAnUnsetVariable_keepsTheLimitsLocal() {
    withKey.withPropertyValues("atlas.rate-limit.shared-limits-url=${ATLAS_UNSET_REDIS_URL_FOR_TEST:}").run(context -> {
      assertThat(context).hasNotFailed().doesNotHaveBean(RedisSharedLimits.class);
      assertThat(context.getBean(RateLimitSettings.class).sharedStore()).isEmpty();
    });
  }

  @Test
  void noSharedLimitsUrl_keepsTheLimitsLocal() {
    withKey.run(context -> {
      assertThat(context).doesNotHaveBean(RedisSharedLimits.class);
      assertThat(context.getBean(RateLimitSettings.class).sharedStore()).isEmpty();
    });
  }

  @Test
  void aBadBaseUrl_failsStartUp_withTheSdksMessage() {
    withKey.withPropertyValues("atlas.base-url=ftp://atlas.example.com").run(context ->
        assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("absolute http(s) URL"));
  }

  private static AtlasCredentialsException findCause(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof AtlasCredentialsException credentials) {
        return credentials;
      }
    }
    throw new AssertionError("no AtlasCredentialsException in " + failure);
  }
}
