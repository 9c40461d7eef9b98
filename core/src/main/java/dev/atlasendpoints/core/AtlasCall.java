package dev.atlasendpoints.core;

import java.util.Objects;

/**
 * Which operation a request belongs to and which project it addresses, as the client resolved
 * them. The operation's values are bounded (fit for metric tags); the project id is not, so it
 * serves as a key (rate-limit buckets) and never as a tag.
 *
 * @param operation the spec operation, or {@link AtlasOperation#UNKNOWN}
 * @param projectId the {@code groupId} the request addresses, or {@code null} when it has none
 */
public record AtlasCall(AtlasOperation operation, String projectId) {

  public AtlasCall {
    Objects.requireNonNull(operation, "operation");
  }
}
