package dev.atlasendpoints.simulator;

import java.util.Objects;
import java.util.Set;

/**
 * A service account the simulator's token endpoint accepts (OAuth2 client credentials).
 *
 * @param clientId the client id
 * @param clientSecret the client secret; never printed
 * @param projects the project ids its tokens may act on; empty means every project
 */
public record ServiceAccount(String clientId, String clientSecret, Set<String> projects) {

  public ServiceAccount {
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(clientSecret, "clientSecret");
    projects = Set.copyOf(projects);
  }

  /** An account allowed on every project. */
  public static ServiceAccount of(String clientId, String clientSecret) {
    return new ServiceAccount(clientId, clientSecret, Set.of());
  }

  public boolean mayAccess(String projectId) {
    return projects.isEmpty() || projects.contains(projectId);
  }

  @Override
  public String toString() {
    return "ServiceAccount[clientId=" + clientId + ", clientSecret=(redacted), projects=" + projects + "]";
  }
}
