package dev.atlasendpoints.core.internal.auth;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The {@code cnonce} of each digest answer: 128 bits no server can predict, different on every call.
 * Each is the SHA-256 of a 256-bit secret seed, drawn once from {@link SecureRandom}, and a counter.
 *
 * <p>Drawing each cnonce from {@code SecureRandom} itself cost a lock shared by every thread of the
 * JVM (and now and then a read of {@code /dev/urandom}) on every call; this costs one hash.
 */
final class ClientNonces {

  private static final HexFormat HEX = HexFormat.of();

  private final byte[] seed = new byte[32];
  private final AtomicLong counter = new AtomicLong();
  /** One per thread for the whole JVM, not per client: {@link #next()} resets it before every use. */
  private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(ClientNonces::newSha256);

  ClientNonces(SecureRandom random) {
    random.nextBytes(seed);
  }

  /** The next cnonce: 32 lower-case hex digits. */
  String next() {
    long count = counter.incrementAndGet();
    MessageDigest digest = SHA_256.get();
    digest.reset();
    digest.update(seed);
    for (int shift = 56; shift >= 0; shift -= 8) {
      digest.update((byte) (count >>> shift));
    }
    return HEX.formatHex(digest.digest(), 0, 16);
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JDK lacks SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return "ClientNonces"; // never the seed
  }
}
