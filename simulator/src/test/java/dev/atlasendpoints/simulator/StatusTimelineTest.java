package dev.atlasendpoints.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A status timeline moves at its stages' offsets exactly, and shows a failure's message only once reached. */
class StatusTimelineTest {

  private static final Instant CREATED = Instant.parse("2026-11-29T00:00:00Z");

  private static StatusTimeline timeline(String errorMessage) {
    return new StatusTimeline(CREATED, Duration.ofSeconds(1), List.of(
        new StatusTimeline.Stage(Duration.ZERO, "RESERVATION_REQUESTED"),
        new StatusTimeline.Stage(Duration.ofSeconds(2), "RESERVED"),
        new StatusTimeline.Stage(Duration.ofSeconds(5), errorMessage == null ? "AVAILABLE" : "FAILED")),
        errorMessage);
  }

  @Test
  void theStatus_changesAtEachStagesOffset() {
    StatusTimeline timeline = timeline(null);

    assertThat(timeline.initialStatus()).isEqualTo("RESERVATION_REQUESTED");
    assertThat(timeline.statusAt(CREATED)).isEqualTo("RESERVATION_REQUESTED");
    assertThat(timeline.statusAt(CREATED.plusMillis(1999))).isEqualTo("RESERVATION_REQUESTED");
    assertThat(timeline.statusAt(CREATED.plusSeconds(2))).isEqualTo("RESERVED");
    assertThat(timeline.statusAt(CREATED.plusMillis(4999))).isEqualTo("RESERVED");
    assertThat(timeline.statusAt(CREATED.plusSeconds(5))).isEqualTo("AVAILABLE");
    assertThat(timeline.errorMessageAt(CREATED.plusSeconds(60))).isNull();
  }

  @Test
  void aFailure_carriesItsMessage_fromTheLastStageOn() {
    StatusTimeline timeline = timeline("lost");

    assertThat(timeline.errorMessageAt(CREATED.plusMillis(4999))).isNull();
    assertThat(timeline.statusAt(CREATED.plusSeconds(5))).isEqualTo("FAILED");
    assertThat(timeline.errorMessageAt(CREATED.plusSeconds(5))).isEqualTo("lost");
  }

  @Test
  void aResource_isVisible_onceItsHiddenTimeHasPassed() {
    StatusTimeline timeline = timeline(null);

    assertThat(timeline.visibleAt(CREATED.plusMillis(999))).isFalse();
    assertThat(timeline.visibleAt(CREATED.plusSeconds(1))).isTrue();
  }

  @Test
  void aTimeline_startsAtOffsetZero() {
    assertThatThrownBy(() -> new StatusTimeline(CREATED, Duration.ZERO,
        List.of(new StatusTimeline.Stage(Duration.ofSeconds(1), "INITIATING")), null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
