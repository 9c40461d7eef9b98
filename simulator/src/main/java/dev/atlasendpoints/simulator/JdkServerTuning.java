package dev.atlasendpoints.simulator;

/**
 * Two system properties of the JDK's built-in HTTP server that the simulator needs for its numbers.
 * They are JVM-wide and the JDK reads them once, when its first server starts, so each is set before
 * the simulator starts, and only where the application has not chosen a value itself.
 */
final class JdkServerTuning {

  /**
   * The JDK server writes an answer's headers and body in separate segments; with Nagle's algorithm
   * on, each answer then waits ~40 ms for the client's delayed ACK (one caller gets ~22 answers a
   * second instead of ~2,000).
   */
  static final String NODELAY = "sun.net.httpserver.nodelay";

  /**
   * Past 200 idle keep-alive connections (clients come and go in tests and benchmarks) the JDK server
   * closes each connection as it turns idle, racing clients that reuse it at that moment.
   */
  static final String MAX_IDLE_CONNECTIONS = "sun.net.httpserver.maxIdleConnections";

  private JdkServerTuning() {}

  /** Sets each property the application has not set; call before the first JDK server starts. */
  static void applyUnlessSet() {
    setUnlessSet(NODELAY, "true");
    setUnlessSet(MAX_IDLE_CONNECTIONS, "4096");
  }

  private static void setUnlessSet(String name, String value) {
    if (System.getProperty(name) == null) {
      System.setProperty(name, value);
    }
  }
}
