package dev.atlasendpoints.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

/** What a real application prints when it starts without credentials: Boot's report, from our failure analyzer. */
@ExtendWith(OutputCaptureExtension.class)
class StartUpFailureReportTest {

  @Configuration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  static class Application {}

  @Test
  void withoutCredentials_theApplicationStops_withAReportNamingThePropertiesToSet(CapturedOutput output) {
    assertThatThrownBy(() -> new SpringApplicationBuilder(Application.class).web(WebApplicationType.NONE)
        .properties("atlas.api-key.private-key=" + AtlasAutoConfigurationTest.SECRET).run())
        .hasRootCauseInstanceOf(AtlasCredentialsException.class);

    assertThat(output.getAll()).contains("APPLICATION FAILED TO START", "atlas.api-key.public-key",
        "Configure exactly one kind of credentials").doesNotContain(AtlasAutoConfigurationTest.SECRET);
  }
}
