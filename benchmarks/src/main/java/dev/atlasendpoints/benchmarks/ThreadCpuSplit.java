package dev.atlasendpoints.benchmarks;

import dev.atlasendpoints.core.AtlasClient;
import dev.atlasendpoints.simulator.AtlasSimulator;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Which threads spend the CPU of a call: the JDK client configured as the SDK configures it
 * ({@code floor-as-sdk}), the same with a body subscriber of its own ({@code floor-own-subscriber}),
 * and the bare SDK client ({@code core-bearer}), each as CPU microseconds per call by group of
 * threads (the callers, the HTTP client's executor, its selector, the simulator's dispatcher and
 * workers), measured with {@code ThreadMXBean} over rounds of 3 s whose order rotates. What no Java
 * thread runs (the garbage collector, the JIT) is not in these figures.
 *
 * <p>Arguments (optional): the number of callers, 16 unless given.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.atlasendpoints.benchmarks.ThreadCpuSplit 16}
 */
public final class ThreadCpuSplit {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final int ROUNDS = 3;
  private static final long ROUND_NANOS = 3_000_000_000L;

  private ThreadCpuSplit() {}

  public static void main(String[] args) throws Exception {
    int callers = args.length > 0 ? Integer.parseInt(args[0]) : 16;
    System.out.printf("ThreadCpuSplit: %d cores, Java %s, %s; %d callers, %d rounds of 3 s; CPU us per call by threads%n",
        Runtime.getRuntime().availableProcessors(), Runtime.version(), java.time.Instant.now(), callers, ROUNDS);
    try (AtlasSimulator simulator = BenchTargets.simulator();
        AtlasClient bearer = BenchTargets.stack(simulator, false, false, false, false)) {
      Map<String, BenchTargets.Call> stacks = new LinkedHashMap<>();
      stacks.put("floor-as-sdk", BenchTargets.floorAsSdkConfiguresIt(simulator));
      stacks.put("floor-own-subscriber", BenchTargets.floorOwnSubscriber(simulator));
      stacks.put("core-bearer", BenchTargets.sdkCall(bearer));
      List<String> names = new ArrayList<>(stacks.keySet());
      for (String name : names) {
        System.out.printf("warm-up: %s %s%n", name, WarmUp.untilSteady(stacks.get(name), callers));
      }
      for (int round = 0; round < ROUNDS; round++) {
        for (int i = 0; i < names.size(); i++) {
          String name = names.get((i + round) % names.size()); // rotate: no stack always runs first
          System.out.printf("round %d: %s%n", round + 1, measure(name, stacks.get(name), callers));
        }
      }
    }
    System.exit(0);
  }

  /** One round of {@code call}: its rate and the CPU per call of each group of threads. */
  private static String measure(String name, BenchTargets.Call call, int callers) throws InterruptedException {
    Map<Long, Long> before = new HashMap<>();
    for (long id : THREADS.getAllThreadIds()) {
      before.put(id, THREADS.getThreadCpuTime(id));
    }
    AtomicLong callerCpu = new AtomicLong();
    AtomicLong done = new AtomicLong();
    long start = System.nanoTime();
    long deadline = start + ROUND_NANOS;
    List<Thread> workers = new ArrayList<>();
    for (int c = 0; c < callers; c++) {
      Thread worker = new Thread(() -> { // the callers count their own CPU: they are gone when the round ends
        long cpu = THREADS.getCurrentThreadCpuTime();
        while (System.nanoTime() < deadline) {
          try {
            call.run();
            done.incrementAndGet();
          } catch (Exception e) {
            LoadComparison.FAILURES.incrementAndGet();
          }
        }
        callerCpu.addAndGet(THREADS.getCurrentThreadCpuTime() - cpu);
      });
      workers.add(worker);
      worker.start();
    }
    for (Thread worker : workers) {
      worker.join();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double calls = done.get();
    Map<String, Double> perCall = new TreeMap<>();
    perCall.put("callers", callerCpu.get() / 1000.0 / calls);
    for (long id : THREADS.getAllThreadIds()) {
      ThreadInfo info = THREADS.getThreadInfo(id);
      long cpu = THREADS.getThreadCpuTime(id);
      if (info != null && cpu > 0) {
        String group = info.getThreadName().replaceAll("[-_ ]?\\d+", "#"); // atlas-http-7 and atlas-http-9 together
        perCall.merge(group, (cpu - before.getOrDefault(id, 0L)) / 1000.0 / calls, Double::sum);
      }
    }
    StringBuilder line = new StringBuilder(String.format("%-20s %5.0f calls/s |", name, calls / seconds));
    double total = 0;
    for (Map.Entry<String, Double> group : perCall.entrySet()) {
      total += group.getValue();
      if (group.getValue() >= 1) {
        line.append(String.format(" %s %.0f", group.getKey(), group.getValue()));
      }
    }
    return line.append(String.format(" | all %.0f", total)).toString();
  }
}
