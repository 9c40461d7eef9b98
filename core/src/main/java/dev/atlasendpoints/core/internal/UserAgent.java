package dev.atlasendpoints.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The {@code User-Agent} every request carries: the SDK, its version, Java and the OS. */
final class UserAgent {

  /** This SDK's version, from the build. */
  static final String SDK_VERSION = readVersion();

  private final String value;

  UserAgent(String suffix) {
    String base = "atlas-endpoints-java/" + SDK_VERSION + " (Java " + Runtime.version().feature() + "; "
        + System.getProperty("os.name", "unknown") + ")";
    this.value = suffix == null || suffix.isBlank() ? base : base + " " + suffix.trim();
  }

  String value() {
    return value;
  }

  private static String readVersion() {
    try (InputStream in = UserAgent.class.getResourceAsStream("/dev/atlasendpoints/core/version.properties")) {
      Properties properties = new Properties();
      if (in != null) {
        properties.load(in);
      }
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
