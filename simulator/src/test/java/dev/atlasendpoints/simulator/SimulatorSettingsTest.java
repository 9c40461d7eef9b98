package dev.atlasendpoints.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Settings start from the live service's defaults, are immutable, and round-trip through their builder. */
class SimulatorSettingsTest {

  @Test
  void defaults_areTheLiveServices() {
    SimulatorSettings defaults = SimulatorSettings.defaults();

    assertThat(defaults.realm()).isEqualTo(AtlasSimulator.ATLAS_REALM);
    assertThat(defaults.digestAlgorithms()).containsExactly(DigestAlgorithm.MD5);
    assertThat(defaults.nonceLifetime()).isEqualTo(Duration.ofMinutes(5));
    assertThat(defaults.tokenLifetime()).isEqualTo(Duration.ofHours(1));
    assertThat(defaults.maxActiveTokens()).isEqualTo(100);
    assertThat(defaults.rateLimit()).isEqualTo(RateLimit.atlasDefault());
    assertThat(defaults.rateLimitHeaders()).isTrue();
    assertThat(defaults.sunsetEnforced()).isFalse();
    assertThat(defaults.projectExists("aaaaaaaaaaaaaaaaaaaaaaaa")).isTrue();
    assertThat(defaults.lifecycle()).isEqualTo(Lifecycle.defaults());
  }

  @Test
  void toBuilder_roundTrips_andChangesOnlyWhatItIsTold() {
    SimulatorSettings settings = SimulatorSettings.builder().apiKey(ApiKey.of("public", "private"))
        .project("aaaaaaaaaaaaaaaaaaaaaaaa").serverlessInstance("i1", "AZURE").seed(7).build();

    SimulatorSettings changed = settings.toBuilder().sunsetEnforced(true).lifecycle(Lifecycle.immediate()).build();

    assertThat(settings.toBuilder().build()).isEqualTo(settings);
    assertThat(changed.sunsetEnforced()).isTrue();
    assertThat(changed).isEqualTo(settings.toBuilder().sunsetEnforced(true).lifecycle(Lifecycle.immediate()).build());
    assertThat(changed.apiKeys()).isEqualTo(settings.apiKeys());
    assertThat(changed.lifecycle()).isEqualTo(Lifecycle.immediate());
  }

  @Test
  void built_settings_doNotChange_whenTheBuilderGoesOn() {
    SimulatorSettings.Builder builder = SimulatorSettings.builder().project("aaaaaaaaaaaaaaaaaaaaaaaa");
    SimulatorSettings built = builder.build();

    builder.project("bbbbbbbbbbbbbbbbbbbbbbbb");

    assertThat(built.projects()).containsExactly("aaaaaaaaaaaaaaaaaaaaaaaa");
    assertThatThrownBy(() -> built.projects().add("c")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void noDigestAlgorithm_isRejected_whereItIsGiven() {
    assertThatThrownBy(() -> AtlasSimulator.builder().digestAlgorithms())
        .isInstanceOf(IllegalArgumentException.class).hasMessage("offer at least one digest algorithm");
    assertThatThrownBy(() -> SimulatorSettings.builder().digestAlgorithms(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
