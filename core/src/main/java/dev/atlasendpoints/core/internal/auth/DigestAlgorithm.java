package dev.atlasendpoints.core.internal.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/** The RFC 7616 algorithms the client answers, strongest first; the order is the preference. */
enum DigestAlgorithm {
  SHA_512_256("SHA-512-256", "SHA-512/256", false),
  SHA_512_256_SESS("SHA-512-256-sess", "SHA-512/256", true),
  SHA_256("SHA-256", "SHA-256", false),
  SHA_256_SESS("SHA-256-sess", "SHA-256", true),
  MD5("MD5", "MD5", false),
  MD5_SESS("MD5-sess", "MD5", true);

  private final String directive;
  private final String jcaName;
  private final boolean session;
  /** One digest per thread: looking the algorithm up for every hash costs more than hashing. */
  private final ThreadLocal<MessageDigest> digests;

  DigestAlgorithm(String directive, String jcaName, boolean session) {
    this.directive = directive;
    this.jcaName = jcaName;
    this.session = session;
    this.digests = ThreadLocal.withInitial(this::newDigest);
  }

  private MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance(jcaName);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JDK lacks " + jcaName, e);
    }
  }

  String directive() {
    return directive;
  }

  boolean session() {
    return session;
  }

  /** A challenge without {@code algorithm} means MD5 (RFC 7616 section 3.3). */
  static Optional<DigestAlgorithm> named(String directive) {
    if (directive == null) {
      return Optional.of(MD5);
    }
    for (DigestAlgorithm algorithm : values()) {
      if (algorithm.directive.equalsIgnoreCase(directive)) {
        return Optional.of(algorithm);
      }
    }
    return Optional.empty();
  }

  /** Lower-case hex of the hash of the parts joined by colons, as every digest step needs. */
  String hexOfJoined(String... parts) {
    MessageDigest digest = digests.get();
    digest.reset();
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        digest.update((byte) ':');
      }
      digest.update(parts[i].getBytes(StandardCharsets.UTF_8));
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
