package dev.atlasendpoints.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

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

  static final String PUBLIC_KEY = "ATLAS_PUBLIC_KEY";
  static final String PRIVATE_KEY = "ATLAS_PRIVATE_KEY";
  static final String CLIENT_ID = "ATLAS_CLIENT_ID";
  static final String CLIENT_SECRET = "ATLAS_CLIENT_SECRET";

  static AtlasEnvironment from(Map<String, String> env) {
    return new AtlasEnvironment(env.getOrDefault("ATLAS_BASE_URL", "https://cloud.mongodb.com"),
        env.get(PUBLIC_KEY), env.get(PRIVATE_KEY), env.get(CLIENT_ID), env.get(CLIENT_SECRET),
        env.get("ATLAS_PROJECT_ID"));
  }

  /** Whether the user pointed the program at a real Atlas (any credentials given). */
  boolean hasCredentials() {
    return (publicKey != null && privateKey != null) || (clientId != null && clientSecret != null);
  }

  Optional<String> project() {
    return Optional.ofNullable(projectId);
  }

  /** The names of the credential variables that are not set; never their values. */
  List<String> unsetCredentialVariables() {
    List<String> unset = new ArrayList<>();
    addIfNull(unset, PUBLIC_KEY, publicKey);
    addIfNull(unset, PRIVATE_KEY, privateKey);
    addIfNull(unset, CLIENT_ID, clientId);
    addIfNull(unset, CLIENT_SECRET, clientSecret);
    return unset;
  }

  /** The values that must never be printed; blank ones left out, since masking "" would mask everything. */
  List<String> secrets() {
    return Stream.of(privateKey, clientSecret).filter(value -> value != null && !value.isBlank()).toList();
  }

  private static void addIfNull(List<String> names, String name, String value) {
    if (value == null) {
      names.add(name);
    }
  }

  @Override
  public String toString() {
    return "AtlasEnvironment[" + baseUrl + ", " + (publicKey != null ? "API key " + publicKey
        : clientId != null ? "service account " + clientId : "no credentials") + "]";
  }
}
