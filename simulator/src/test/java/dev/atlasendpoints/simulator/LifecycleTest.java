package dev.atlasendpoints.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The lifecycle settings: short, non-zero defaults; immutable; round-trip through their builder. */
class LifecycleTest {

  private static final String VPCE_ID = "vpce-0123456789abcdef0";

  @Test
  void defaults_areShortButNotInstant_withoutA404Window() {
    Lifecycle defaults = Lifecycle.defaults();

    assertThat(defaults.serviceInitiating()).isEqualTo(Duration.ofSeconds(1));
    assertThat(defaults.serviceReadyStatus()).isEqualTo(Lifecycle.ServiceReadyStatus.AVAILABLE);
    assertThat(defaults.endpointPending()).isEqualTo(Duration.ofSeconds(1));
    assertThat(defaults.serverlessReservationRequested()).isEqualTo(Duration.ofMillis(500));
    assertThat(defaults.serverlessReserved()).isEqualTo(Duration.ofMillis(500));
    assertThat(defaults.notFoundWindow()).isZero();
  }

  @Test
  void immediate_makesEveryStageZero_andChangesNothingElse() {
    Lifecycle immediate = Lifecycle.immediate();

    assertThat(immediate).isEqualTo(new Lifecycle(Duration.ZERO, Lifecycle.ServiceReadyStatus.AVAILABLE,
        Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO));
  }

  @Test
  void toBuilder_roundTrips_andChangesOnlyWhatItIsTold() {
    Lifecycle lifecycle = Lifecycle.builder().serviceInitiating(Duration.ofMinutes(3))
        .serviceReadyStatus(Lifecycle.ServiceReadyStatus.WAITING_FOR_USER).notFoundWindow(Duration.ofSeconds(2))
        .build();

    Lifecycle changed = lifecycle.toBuilder().endpointPending(Duration.ofMinutes(30)).build();

    assertThat(lifecycle.toBuilder().build()).isEqualTo(lifecycle);
    assertThat(changed).isEqualTo(new Lifecycle(Duration.ofMinutes(3), Lifecycle.ServiceReadyStatus.WAITING_FOR_USER,
        Duration.ofMinutes(30), Duration.ofMillis(500), Duration.ofMillis(500), Duration.ofSeconds(2)));
  }

  @Test
  void aNegativeOrMissingDuration_isRejected_namingIt() {
    assertThatThrownBy(() -> Lifecycle.builder().endpointPending(Duration.ofSeconds(-1)).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("endpointPending");
    assertThatThrownBy(() -> Lifecycle.builder().notFoundWindow(null).build())
        .isInstanceOf(NullPointerException.class).hasMessageContaining("notFoundWindow");
  }

  @Test
  void aScriptedFailure_needsAnErrorMessage_andIsRejectedWhereItIsGiven() {
    assertThatThrownBy(() -> AtlasSimulator.builder().failNext(ResourceKind.ENDPOINT_SERVICE, ""))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new LifecyclePlan().fail(ResourceKind.PRIVATE_ENDPOINT, VPCE_ID, null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
