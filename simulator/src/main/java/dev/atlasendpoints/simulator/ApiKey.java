package dev.atlasendpoints.simulator;

import java.util.Objects;
import java.util.Set;

/**
 * A programmatic API key the simulator accepts with HTTP Digest.
 *
 * @param publicKey the user name
 * @param privateKey the password; never printed
 * @param projects the project ids the key may act on; empty means every project
 */
public record ApiKey(String publicKey, String privateKey, Set<String> projects) {

  public ApiKey {
    Objects.requireNonNull(publicKey, "publicKey");
    Objects.requireNonNull(privateKey, "privateKey");
    projects = Set.copyOf(projects);
  }

  /** A key allowed on every project. */
  public static ApiKey of(String publicKey, String privateKey) {
    return new ApiKey(publicKey, privateKey, Set.of());
  }

  /** A key allowed on the given projects only. */
  public static ApiKey of(String publicKey, String privateKey, String... projects) {
    return new ApiKey(publicKey, privateKey, Set.of(projects));
  }

  public boolean mayAccess(String projectId) {
    return projects.isEmpty() || projects.contains(projectId);
  }

  @Override
  public String toString() {
    return "ApiKey[publicKey=" + publicKey + ", privateKey=(redacted), projects=" + projects + "]";
  }
}
