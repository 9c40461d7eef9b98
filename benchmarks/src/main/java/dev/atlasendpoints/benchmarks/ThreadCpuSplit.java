package dev.atlasendpoints.benchmarks;

import dev.atlasendpoints.simulator.AtlasSimulator;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Which threads spend the CPU of a call, and how often each is put to sleep and woken per call: for
 * each stack of {@link BenchStacks} ({@code floor-as-sdk}, {@code floor-own-subscriber} and
 * {@code core-bearer} unless told), CPU microseconds per call by group of threads (the callers, the
 * HTTP client's executor, its selector, the simulator's dispatcher and workers, the SDK's watchdog),
 * measured with {@code ThreadMXBean}, and context switches per call by the same groups, from the
 * kernel's counts in {@code /proc} (Linux): voluntary ones (the thread blocked and was woken) and
 * the others (it was preempted), over rounds of 3 s whose order rotates. A call costs at
 * least the wake-ups of the simulator's threads and of the thread that reads the answer; every further
 * switch per call is a hand-off that, on two cores shared by client and server, adds to the latency at
 * one caller. What no Java thread runs (the garbage collector, the JIT) is not in the CPU figures.
 *
 * <p>Arguments (all optional): {@code --callers 16} (16 unless given; a bare number is read as this
 * too), {@code --rounds 3}, {@code --only floor,core-bearer,...} (names as in {@link ThroughputSplit}).
 * At one caller the rate is one over the latency: the line also gives the microseconds per call.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.atlasendpoints.benchmarks.ThreadCpuSplit
 * --callers 1 --only floor,floor-as-sdk,core-bearer,+metrics(full),full-digest}
 */
public final class ThreadCpuSplit {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final long ROUND_NANOS = 3_000_000_000L;
  private static final String CALLER = "bench-caller";

  private ThreadCpuSplit() {}

  public static void main(String[] args) throws Exception {
    List<String> list = Arrays.asList(args);
    int callers = Integer.parseInt(option(list, "--callers", args.length == 1 ? args[0] : "16"));
    int rounds = Integer.parseInt(option(list, "--rounds", "3"));
    List<String> only = Arrays.asList(option(list, "--only", "floor-as-sdk,floor-own-subscriber,core-bearer").split(","));
    System.out.printf("ThreadCpuSplit: %d cores, Java %s, %s; %d callers, %d rounds of 3 s; per call: CPU us by threads"
        + "%s%n", Runtime.getRuntime().availableProcessors(), Runtime.version(), java.time.Instant.now(), callers, rounds,
        ContextSwitches.available() ? ", then context switches by threads" : " (no /proc: no context switches)");
    try (AtlasSimulator simulator = BenchTargets.simulator(); BenchStacks stacks = new BenchStacks(simulator, only)) {
      List<String> names = new ArrayList<>(stacks.calls().keySet());
      for (String name : names) {
        System.out.printf("warm-up: %s %s%n", name, WarmUp.untilSteady(stacks.calls().get(name), callers));
      }
      for (int round = 0; round < rounds; round++) {
        for (int i = 0; i < names.size(); i++) {
          String name = names.get((i + round) % names.size()); // rotate: no stack always runs first
          System.out.printf("round %d: %s%n", round + 1, measure(name, stacks.calls().get(name), callers));
        }
      }
    }
    System.exit(0);
  }

  /** One round of {@code call}: its rate, the CPU per call and the switches per call of each group of threads. */
  private static String measure(String name, BenchTargets.Call call, int callers) throws InterruptedException {
    Map<Long, Long> before = new HashMap<>();
    for (long id : THREADS.getAllThreadIds()) {
      before.put(id, THREADS.getThreadCpuTime(id));
    }
    long gcBefore = gcMillis();
    Map<Long, ContextSwitches.Count> switchesBefore = ContextSwitches.available() ? ContextSwitches.byThread() : Map.of();
    AtomicLong callerCpu = new AtomicLong();
    AtomicLong callerVoluntary = new AtomicLong();
    AtomicLong callerPreempted = new AtomicLong();
    AtomicLong done = new AtomicLong();
    long start = System.nanoTime();
    long deadline = start + ROUND_NANOS;
    List<Thread> workers = new ArrayList<>();
    for (int c = 0; c < callers; c++) {
      Thread worker = new Thread(() -> { // the callers count their own: they are gone when the round ends
        long cpu = THREADS.getCurrentThreadCpuTime();
        ContextSwitches.Count switches = ContextSwitches.available() ? ContextSwitches.ofCurrentThread() : null;
        while (System.nanoTime() < deadline) {
          try {
            call.run();
            done.incrementAndGet();
          } catch (Exception e) {
            LoadComparison.FAILURES.incrementAndGet();
          }
        }
        callerCpu.addAndGet(THREADS.getCurrentThreadCpuTime() - cpu);
        if (ContextSwitches.available()) {
          ContextSwitches.Count since = ContextSwitches.ofCurrentThread().minus(switches);
          callerVoluntary.addAndGet(since.voluntary());
          callerPreempted.addAndGet(since.preempted());
        }
      }, CALLER);
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
      if (info != null && cpu > 0 && !CALLER.equals(info.getThreadName())) {
        perCall.merge(group(info.getThreadName()), (cpu - before.getOrDefault(id, 0L)) / 1000.0 / calls, Double::sum);
      }
    }
    StringBuilder line = new StringBuilder(String.format("%-20s %5.0f calls/s, %6.1f us per caller's call, GC pauses"
        + " %.0f us per call |", name, calls / seconds, callers * seconds * 1e6 / calls,
        (gcMillis() - gcBefore) * 1000.0 / calls));
    appendGroups(line, perCall, 1, "%.0f");
    if (ContextSwitches.available()) {
      Map<String, Double> voluntary = new TreeMap<>();
      Map<String, Double> preempted = new TreeMap<>();
      voluntary.put("callers", callerVoluntary.get() / calls);
      preempted.put("callers", callerPreempted.get() / calls);
      ContextSwitches.byThread().forEach((tid, after) -> {
        if (!after.name().equals(CALLER)) { // the callers counted themselves (ended ones are no longer listed)
          ContextSwitches.Count since = after.minus(switchesBefore.get(tid));
          voluntary.merge(group(after.name()), since.voluntary() / calls, Double::sum);
          preempted.merge(group(after.name()), since.preempted() / calls, Double::sum);
        }
      });
      line.append(" || blocked and woken");
      appendGroups(line, voluntary, 0.01, "%.2f");
      line.append(" || preempted");
      appendGroups(line, preempted, 0.01, "%.2f");
    }
    return line.toString();
  }

  /** The time the garbage collectors have spent in collections so far (no Java thread runs them). */
  private static long gcMillis() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime).sum();
  }

  /** atlas-http-7 and atlas-http-9 together; HttpClient-3-Worker-0 and HttpClient-5-Worker-2 too. */
  private static String group(String threadName) {
    return threadName.replaceAll("[-_ ]?\\d+", "#");
  }

  private static void appendGroups(StringBuilder line, Map<String, Double> perCall, double least, String format) {
    double total = 0;
    for (Map.Entry<String, Double> group : perCall.entrySet()) {
      total += group.getValue();
      if (group.getValue() >= least) {
        line.append(' ').append(group.getKey()).append(' ').append(String.format(format, group.getValue()));
      }
    }
    line.append(" | all ").append(String.format(format, total));
  }

  private static String option(List<String> args, String name, String otherwise) {
    int at = args.indexOf(name);
    return at >= 0 && at + 1 < args.size() ? args.get(at + 1) : otherwise;
  }
}
