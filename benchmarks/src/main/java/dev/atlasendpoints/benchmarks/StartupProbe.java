package dev.atlasendpoints.benchmarks;

import dev.atlasendpoints.core.AtlasClient;
import dev.atlasendpoints.simulator.AtlasSimulator;
import java.lang.management.ManagementFactory;

/**
 * Client start-up in a fresh JVM: time to build a fully layered client (digest, retry, rate limit,
 * metrics) and to complete the first call (which pays the digest challenge), against a simulator
 * started first. Run it several times; the first run of a machine also warms the disk cache.
 *
 * <p>Run: {@code for i in 1 2 3 4 5; do java -cp benchmarks/target/benchmarks.jar
 * dev.atlasendpoints.benchmarks.StartupProbe; done}
 */
public final class StartupProbe {

  private StartupProbe() {}

  public static void main(String[] args) throws Exception {
    try (AtlasSimulator simulator = BenchTargets.simulator()) {
      long start = System.nanoTime();
      try (AtlasClient client = BenchTargets.fullStack(simulator, true)) {
        long built = System.nanoTime();
        BenchTargets.sdkCall(client).run();
        long firstCall = System.nanoTime();
        System.out.printf("build %.1f ms, first call %.1f ms, build + first call %.1f ms (JVM up %d ms)%n",
            (built - start) / 1e6, (firstCall - built) / 1e6, (firstCall - start) / 1e6,
            ManagementFactory.getRuntimeMXBean().getUptime());
      }
    }
    System.exit(0);
  }
}
