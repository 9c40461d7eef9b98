package dev.atlasendpoints.benchmarks;

import dev.atlasendpoints.simulator.AtlasSimulator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the full stack's throughput goes, layer by layer: the floor (the JDK client as
 * {@link LoadComparison} runs it, and the same over HTTP/1.1 as the SDK speaks it), the bare core
 * client (service account, then digest), and the service-account client with retry, then + the rate
 * limiter, then + metrics (the full stack). {@code floor-timeout} is the HTTP/1.1 floor with the SDK's
 * default read timeout (60 s) set on each request, as the SDK's transport sets it; {@code floor-as-sdk}
 * is the floor with the JDK client configured in every respect as the SDK's transport configures it. All against one simulator, in alternating rounds whose
 * order rotates, each figure a ratio to the floor measured in the same round. Also the CPU time the
 * process (client and simulator) spent per call: on two shared cores that, not waiting, is what
 * bounds throughput at 16 and 64 callers. {@code floor+decode} is the floor that also decodes each
 * answer into the generated model with the SDK's mapper settings, as the SDK must: what lies between
 * it and {@code core-bearer} is the SDK's work beyond reading and decoding the answer; {@code
 * floor+request} also encodes the body and builds a new request (URL, the SDK's headers) per call.
 * {@code floor-own-subscriber} is {@code floor-as-sdk} reading the body through a subscriber of its
 * own that only delegates to the JDK's: what the JDK's different handling of a subscriber it did not
 * write costs (see {@code BenchTargets.floorOwnSubscriber}); {@code floor-consumer} reads it through the
 * JDK's {@code ofByteArrayConsumer}, and {@code floor-inline} is {@code floor-as-sdk} with an executor that
 * runs every task inline (as the SDK's transport does since issue 17's latency work; {@code floor-as-sdk}
 * keeps the cached thread pool it had before). {@code full-digest} is the full stack with digest auth, as
 * {@link LoadComparison} measures its latency. The stacks are built in {@link BenchStacks}.
 *
 * <p>Arguments (all optional): {@code --callers 16,64}, {@code --rounds 5}, {@code --millis 2000},
 * {@code --only floor,full} (names as printed) to run some stacks alone, e.g. under a profiler.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.atlasendpoints.benchmarks.ThroughputSplit}
 */
public final class ThroughputSplit {

  /** The CPU time of this process: client and simulator together, since both run here. */
  private static final com.sun.management.OperatingSystemMXBean PROCESS =
      (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

  private ThroughputSplit() {}

  public static void main(String[] args) throws Exception {
    List<String> list = Arrays.asList(args);
    int[] callerCounts = Arrays.stream(option(list, "--callers", "16,64").split(",")).mapToInt(Integer::parseInt)
        .toArray();
    int rounds = Integer.parseInt(option(list, "--rounds", "5"));
    long millis = Long.parseLong(option(list, "--millis", "2000"));
    List<String> only = Arrays.asList(option(list, "--only", "").split(","));
    System.out.printf("ThroughputSplit: %d cores, Java %s, %s; %d rounds of %d ms%n",
        Runtime.getRuntime().availableProcessors(), Runtime.version(), java.time.Instant.now(), rounds, millis);
    try (AtlasSimulator simulator = BenchTargets.simulator();
        BenchStacks all = new BenchStacks(simulator, only.equals(List.of("")) ? List.of() : only)) {
      Map<String, BenchTargets.Call> stacks = all.calls();
      List<String> names = new ArrayList<>(stacks.keySet());
      for (int callers : callerCounts) {
        System.out.printf("%n== %d callers ==%n", callers);
        for (String name : names) { // every stack warm, and last run at this many callers (see WarmUp for why)
          System.out.printf("warm-up: %s %s%n", name, WarmUp.untilSteady(stacks.get(name), callers));
        }
        Map<String, double[]> rates = new LinkedHashMap<>();
        Map<String, double[]> cpu = new LinkedHashMap<>();
        names.forEach(name -> rates.put(name, new double[rounds]));
        names.forEach(name -> cpu.put(name, new double[rounds]));
        for (int round = 0; round < rounds; round++) {
          StringBuilder line = new StringBuilder("round " + (round + 1) + ":");
          for (int i = 0; i < names.size(); i++) {
            String name = names.get((i + round) % names.size()); // rotate: no stack always runs first
            long cpuBefore = PROCESS.getProcessCpuTime();
            long start = System.nanoTime();
            rates.get(name)[round] = LoadComparison.runFor(stacks.get(name), callers, millis);
            double calls = rates.get(name)[round] * (System.nanoTime() - start) / 1e9;
            cpu.get(name)[round] = (PROCESS.getProcessCpuTime() - cpuBefore) / 1000.0 / calls;
          }
          for (String name : names) {
            line.append(String.format(" %s %.0f", name, rates.get(name)[round]));
          }
          System.out.println(line);
        }
        double[] floor = rates.get("floor");
        for (String name : names) {
          double[] rate = rates.get(name);
          String ratio = "";
          if (floor != null) {
            double[] ratios = new double[rounds];
            for (int round = 0; round < rounds; round++) {
              ratios[round] = rate[round] / floor[round];
            }
            ratio = String.format(", / floor: median %.3f (range %.3f-%.3f)", LoadComparison.median(ratios),
                LoadComparison.min(ratios), LoadComparison.max(ratios));
          }
          System.out.printf("%-15s calls/s median %5.0f (range %5.0f-%5.0f)%s; CPU per call (client and server)"
              + " median %.0f us (range %.0f-%.0f)%n", name, LoadComparison.median(rate), LoadComparison.min(rate),
              LoadComparison.max(rate), ratio, LoadComparison.median(cpu.get(name)),
              LoadComparison.min(cpu.get(name)), LoadComparison.max(cpu.get(name)));
        }
        System.out.printf("failed calls so far: %d%n", LoadComparison.FAILURES.get());
      }
    }
    System.exit(0);
  }

  private static String option(List<String> args, String name, String otherwise) {
    int at = args.indexOf(name);
    return at >= 0 && at + 1 < args.size() ? args.get(at + 1) : otherwise;
  }
}
