package dev.atlasendpoints.core.auth;

import java.util.Objects;

/**
 * A programmatic API key, for HTTP Digest: the public key is the user name, the private key the
 * password. {@link #toString()} never prints the private key.
 */
public record ApiKeyCredentials(String publicKey, String privateKey) {

  public ApiKeyCredentials {
    Objects.requireNonNull(publicKey, "publicKey");
    Objects.requireNonNull(privateKey, "privateKey");
    if (publicKey.isBlank() || privateKey.isEmpty()) {
      throw new IllegalArgumentException("an API key needs a public and a private key");
    }
  }

  @Override
  public String toString() {
    return "ApiKeyCredentials[publicKey=" + publicKey + ", privateKey=(redacted)]";
  }
}
