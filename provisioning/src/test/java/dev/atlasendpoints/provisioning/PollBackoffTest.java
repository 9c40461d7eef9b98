package dev.atlasendpoints.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PollBackoffTest {

  private final ProvisioningSettings settings = ProvisioningSettings.defaults();

  @Test
  void pause_withoutJitter_growsByTheMultiplier_upToTheCap() {
    assertThat(PollBackoff.pause(settings, 0, () -> 0.0)).isEqualTo(Duration.ofSeconds(1));
    assertThat(PollBackoff.pause(settings, 1, () -> 0.0)).isEqualTo(Duration.ofMillis(1300));
    assertThat(PollBackoff.pause(settings, 2, () -> 0.0)).isEqualTo(Duration.ofMillis(1690));
    assertThat(PollBackoff.pause(settings, 20, () -> 0.0)).isEqualTo(Duration.ofSeconds(30));
    assertThat(PollBackoff.pause(settings, Integer.MAX_VALUE, () -> 0.0)).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void pause_withJitter_onlyShortens_byAtMostTheJitterShare() {
    assertThat(PollBackoff.pause(settings, 0, () -> 0.999)).isBetween(Duration.ofMillis(800), Duration.ofSeconds(1));
    assertThat(PollBackoff.pause(settings, 30, () -> 0.5)).isEqualTo(Duration.ofSeconds(27));
  }

  @Test
  void settings_refuseNonsense_andRoundTripThroughTheBuilder() {
    assertThatThrownBy(() -> settings.toBuilder().pollMaxInterval(Duration.ofMillis(10)).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> settings.toBuilder().jitter(1.5).build()).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> settings.toBuilder().maxCreateAttempts(0).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(settings.toBuilder().build()).isEqualTo(settings);
  }

  @Test
  void durations_parseWhatPeopleWrite() {
    assertThat(Durations.parse("90s")).isEqualTo(Duration.ofSeconds(90));
    assertThat(Durations.parse("30m")).isEqualTo(Duration.ofMinutes(30));
    assertThat(Durations.parse("2h")).isEqualTo(Duration.ofHours(2));
    assertThat(Durations.parse("1500ms")).isEqualTo(Duration.ofMillis(1500));
    assertThatThrownBy(() -> Durations.parse("soon")).isInstanceOf(IllegalArgumentException.class);
    assertThat(Durations.format(Duration.ofMillis(4200))).isEqualTo("4.2s");
    assertThat(Durations.format(Duration.ofSeconds(187))).isEqualTo("3m07s");
  }

  @Test
  void regionKey_matchesCloudAndAtlasSpellings() {
    assertThat(RegionKey.same("us-east-1", "US_EAST_1")).isTrue();
    assertThat(RegionKey.same("us-central1", "CENTRAL_US")).isTrue();
    assertThat(RegionKey.same("us-east-1", "US_EAST_2")).isFalse();
  }
}
