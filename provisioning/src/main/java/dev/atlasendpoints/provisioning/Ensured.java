package dev.atlasendpoints.provisioning;

import java.util.Objects;

/**
 * The resource an ensure settled on, whether it created it or adopted one that existed, and the
 * reference to wait for it with.
 */
public record Ensured<T>(T resource, Outcome outcome, ResourceRef ref) {

  public Ensured {
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(ref, "ref");
  }

  public boolean created() {
    return outcome == Outcome.CREATED;
  }

  public boolean adopted() {
    return outcome == Outcome.ADOPTED;
  }
}
