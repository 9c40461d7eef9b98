package dev.atlasendpoints.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * How one resource's status moves on the simulator's clock, decided when it is created: it is in a
 * stage's status from that stage's offset after creation until the next stage's. When the last stage
 * is a failure, the resource carries {@code errorMessage} from then on ({@code null} before, and
 * always {@code null} for a resource that does not fail). Immutable; nothing runs in the background.
 *
 * @param createdAt when the resource was created
 * @param hiddenFor how long after its creation it reads as missing (eventual consistency)
 * @param stages its statuses, the first at offset zero, offsets not decreasing
 * @param errorMessage what the failure says, or {@code null} when the resource does not fail
 */
record StatusTimeline(Instant createdAt, Duration hiddenFor, List<Stage> stages, String errorMessage) {

  /** A status, reached {@code after} the resource's creation. */
  record Stage(Duration after, String status) {}

  StatusTimeline {
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(hiddenFor, "hiddenFor");
    stages = List.copyOf(stages);
    if (stages.isEmpty() || !stages.get(0).after().isZero()) {
      throw new IllegalArgumentException("a timeline starts with a stage at offset zero: " + stages);
    }
  }

  /** The status a create answers with. */
  String initialStatus() {
    return stages.get(0).status();
  }

  /** The status at {@code now}. */
  String statusAt(Instant now) {
    Duration elapsed = Duration.between(createdAt, now);
    String status = initialStatus();
    for (Stage stage : stages) {
      if (elapsed.compareTo(stage.after()) >= 0) {
        status = stage.status();
      }
    }
    return status;
  }

  /** The {@code errorMessage} at {@code now}: the failure's, once the last stage is reached. */
  String errorMessageAt(Instant now) {
    Duration last = stages.get(stages.size() - 1).after();
    return Duration.between(createdAt, now).compareTo(last) >= 0 ? errorMessage : null;
  }

  /** Whether reads find the resource at {@code now}. */
  boolean visibleAt(Instant now) {
    return !now.isBefore(createdAt.plus(hiddenFor));
  }
}
