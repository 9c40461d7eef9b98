package dev.atlasendpoints.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The actuator's configprops and env endpoints with {@code show-values=always} (built as Boot's
 * actuator auto-configuration builds them: with every SanitizingFunction bean) never show the
 * starter's secrets, whether set as properties or as environment variables.
 */
class ActuatorSecretsTest {

  static final String SECRET = "very-secret-private-key-4711";
  static final String CLIENT_SECRET = "mdb_sa_sk_even-more-secret-0815";
  static final String REDIS_PASSWORD = "redis-password-55";

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(AtlasAutoConfiguration.class))
      .withPropertyValues("atlas.rate-limit.enabled=false");

  private static String configprops(AssertableApplicationContext context) {
    ConfigurationPropertiesReportEndpoint endpoint = new ConfigurationPropertiesReportEndpoint(
        context.getBeanProvider(SanitizingFunction.class).orderedStream().toList(), Show.ALWAYS);
    endpoint.setApplicationContext(context);
    StringBuilder shown = new StringBuilder();
    endpoint.configurationPropertiesWithPrefix("atlas").getContexts().values().forEach(beans ->
        beans.getBeans().values().forEach(bean -> shown.append(bean.getProperties()).append(bean.getInputs())));
    return shown.toString();
  }

  private static String env(AssertableApplicationContext context) {
    EnvironmentEndpoint endpoint = new EnvironmentEndpoint(context.getEnvironment(),
        context.getBeanProvider(SanitizingFunction.class).orderedStream().toList(), Show.ALWAYS);
    StringBuilder shown = new StringBuilder();
    endpoint.environment("(?i)atlas.*").getPropertySources().forEach(source ->
        source.getProperties().forEach((name, value) -> shown.append(name).append('=').append(value.getValue())
            .append('\n')));
    return shown.toString();
  }

  @Test
  void anApiKey_andASharedLimitsUrl_setAsProperties_areMasked() throws Exception {
    int closedPort;
    try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = free.getLocalPort();
    }
    runner.withPropertyValues("atlas.api-key.public-key=public-key-1", "atlas.api-key.private-key=" + SECRET,
        "atlas.rate-limit.shared-limits-url=redis://user:" + REDIS_PASSWORD + "@127.0.0.1:" + closedPort)
        .run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(configprops(context)).contains("public-key-1", "redis://******@127.0.0.1:" + closedPort)
              .doesNotContain(SECRET, REDIS_PASSWORD);
          assertThat(env(context)).contains("atlas.api-key.public-key=public-key-1",
              "atlas.api-key.private-key=******").doesNotContain(SECRET, REDIS_PASSWORD);
        });
  }

  @Test
  void aServiceAccount_setAsEnvironmentVariables_isMasked() {
    // in place of the process's environment variables (Boot maps ATLAS_… names for that source only)
    runner.withInitializer(context -> context.getEnvironment().getPropertySources().replace(
        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
        new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(
            "ATLAS_SERVICEACCOUNT_CLIENTID", "mdb_sa_id_1", "ATLAS_SERVICEACCOUNT_CLIENTSECRET", CLIENT_SECRET))))
        .run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(configprops(context)).contains("mdb_sa_id_1").doesNotContain(CLIENT_SECRET);
          assertThat(env(context)).contains("ATLAS_SERVICEACCOUNT_CLIENTID=mdb_sa_id_1",
              "ATLAS_SERVICEACCOUNT_CLIENTSECRET=******").doesNotContain(CLIENT_SECRET);
        });
  }

  @Test
  void withoutTheActuator_theStarterStillStarts() {
    runner.withClassLoader(new FilteredClassLoader(SanitizingFunction.class))
        .withPropertyValues("atlas.api-key.public-key=public-key-1", "atlas.api-key.private-key=" + SECRET)
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("atlasSecretsSanitizingFunction"));
  }

  @Test
  void secretsReadThroughPlaceholders_areMaskedUnderTheirOwnNames_too() {
    // the README's way: atlas.api-key.private-key=${ATLAS_PRIVATE_KEY:}, the variable listed as it is
    runner.withInitializer(context -> context.getEnvironment().getPropertySources().replace(
        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
        new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(
            "ATLAS_PUBLIC_KEY", "public-key-1", "ATLAS_PRIVATE_KEY", SECRET, "ATLAS_KEY_COPY", SECRET,
            "ATLAS_REDIS", "redis://:" + REDIS_PASSWORD + "@127.0.0.1:1"))))
        .withPropertyValues("atlas.api-key.public-key=${ATLAS_PUBLIC_KEY:}",
            "atlas.api-key.private-key=${ATLAS_PRIVATE_KEY:}", "atlas.api-key[private-key]=${ATLAS_PRIVATE_KEY:}")
        .run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(env(context)).contains("ATLAS_PUBLIC_KEY=public-key-1", "ATLAS_PRIVATE_KEY=******",
              "ATLAS_KEY_COPY=******").doesNotContain(SECRET, REDIS_PASSWORD);
          assertThat(configprops(context)).doesNotContain(SECRET);
        });
  }
}
