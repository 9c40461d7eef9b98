package dev.atlasendpoints.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/** The RFC 7616 algorithms the simulator can offer in its digest challenges. */
public enum DigestAlgorithm {
  MD5("MD5", "MD5", false),
  MD5_SESS("MD5-sess", "MD5", true),
  SHA_256("SHA-256", "SHA-256", false),
  SHA_256_SESS("SHA-256-sess", "SHA-256", true),
  SHA_512_256("SHA-512-256", "SHA-512/256", false),
  SHA_512_256_SESS("SHA-512-256-sess", "SHA-512/256", true);

  private final String token;
  private final String jcaName;
  private final boolean session;

  DigestAlgorithm(String token, String jcaName, boolean session) {
    this.token = token;
    this.jcaName = jcaName;
    this.session = session;
  }

  /** The name as it appears in the {@code algorithm} directive. */
  public String token() {
    return token;
  }

  boolean session() {
    return session;
  }

  /** The algorithm named by an {@code algorithm} directive (case-insensitive), if known. */
  public static Optional<DigestAlgorithm> fromToken(String token) {
    return Arrays.stream(values()).filter(a -> a.token.equalsIgnoreCase(token)).findFirst();
  }

  /** Lower-case hex of the hash of {@code text} in UTF-8. */
  String hash(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance(jcaName).digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks " + jcaName, e);
    }
  }
}
