package dev.atlasendpoints.examples;

import java.util.Map;
import java.util.Optional;

/**
 * Where to find Atlas and the credentials, read from the environment only: command-line arguments
 * are visible to other users of the machine, environment variables are not.
 *
 * <table>
 *   <caption>Variables</caption>
 *   <tr><td>ATLAS_BASE_URL</td><td>default https://cloud.mongodb.com</td></tr>
 *   <tr><td>ATLAS_PUBLIC_KEY, ATLAS_PRIVATE_KEY</td><td>an API key (HTTP Digest)</td></tr>
 *   <tr><td>ATLAS_CLIENT_ID, ATLAS_CLIENT_SECRET</td><td>a service account</td></tr>
 *   <tr><td>ATLAS_PROJECT_ID</td><td>the project to act on</td></tr>
 * </table>
 */
record AtlasEnvironment(String baseUrl, String publicKey, String privateKey, String clientId, String clientSecret,
    String projectId) {

  static AtlasEnvironment from(Map<String, String> env) {
    return new AtlasEnvironment(env.getOrDefault("ATLAS_BASE_URL", "https://cloud.mongodb.com"),
        env.get("ATLAS_PUBLIC_KEY"), env.get("ATLAS_PRIVATE_KEY"), env.get("ATLAS_CLIENT_ID"),
        env.get("ATLAS_CLIENT_SECRET"), env.get("ATLAS_PROJECT_ID"));
  }

  /** Whether the user pointed the program at a real Atlas (any credentials given). */
  boolean hasCredentials() {
    return (publicKey != null && privateKey != null) || (clientId != null && clientSecret != null);
  }

  Optional<String> project() {
    return Optional.ofNullable(projectId);
  }

  @Override
  public String toString() {
    return "AtlasEnvironment[" + baseUrl + ", " + (publicKey != null ? "API key " + publicKey
        : clientId != null ? "service account " + clientId : "no credentials") + "]";
  }
}
