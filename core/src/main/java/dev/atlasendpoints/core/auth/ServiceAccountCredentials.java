package dev.atlasendpoints.core.auth;

import java.util.Objects;

/**
 * A service account's client id and secret, exchanged for bearer tokens (OAuth2 client
 * credentials). {@link #toString()} never prints the secret.
 */
public record ServiceAccountCredentials(String clientId, String clientSecret) {

  public ServiceAccountCredentials {
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(clientSecret, "clientSecret");
    if (clientId.isBlank() || clientSecret.isEmpty()) {
      throw new IllegalArgumentException("a service account needs a client id and a secret");
    }
  }

  @Override
  public String toString() {
    return "ServiceAccountCredentials[clientId=" + clientId + ", clientSecret=(redacted)]";
  }
}
