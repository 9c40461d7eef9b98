package dev.atlasendpoints.benchmarks;

import dev.atlasendpoints.core.AtlasClient;
import dev.atlasendpoints.simulator.AtlasSimulator;
import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Side-by-side measurements against the simulator, each reported as a ratio of two things measured
 * in the same run, in alternating rounds, since absolute times on a shared machine drift:
 *
 * <ol>
 *   <li>HTTP exchanges per call with digest auth: the SDK (1, 8 and 16 callers) vs curl --digest
 *       ({@code --exchanges-only} runs this section alone);
 *   <li>per-call latency at one caller: the full stack vs the floor (JDK HttpClient, same bytes,
 *       precomputed Authorization);
 *   <li>throughput at 1, 4, 16 and 64 callers: the full stack vs the floor.
 * </ol>
 *
 * <p>Within a round the order of the targets alternates (throughput) or rotates (latency), so that
 * none always runs first: the simulator's heap grows through a run, and a target that always ran
 * right after another's warm-up or round would carry what that one left behind.
 *
 * <p>Run: {@code ./mvnw -q -pl benchmarks -am package -DskipTests && java -cp
 * benchmarks/target/benchmarks.jar dev.atlasendpoints.benchmarks.LoadComparison}
 */
public final class LoadComparison {

  private static final int ROUNDS = 7;
  /** Even, so that the floor and the SDK each run first in half of the rounds. */
  private static final int THROUGHPUT_ROUNDS = 4;

  private LoadComparison() {}

  public static void main(String[] args) throws Exception {
    System.out.printf("LoadComparison: %d cores, Java %s, %s%n", Runtime.getRuntime().availableProcessors(),
        Runtime.version(), java.time.Instant.now());
    exchangesPerCall();
    if (!Arrays.asList(args).contains("--exchanges-only")) {
      latencyAtOneCaller();
      throughputByCallers();
    }
    System.exit(0);
  }

  private static void exchangesPerCall() throws Exception {
    System.out.println("\n== HTTP exchanges per call (digest) ==");
    for (int callers : new int[] {1, 8, 16}) {
      try (AtlasSimulator simulator = BenchTargets.simulator(); AtlasClient client = BenchTargets.digestOnly(simulator)) {
        int calls = 2000;
        runCalls(BenchTargets.sdkCall(client), callers, calls);
        System.out.printf("SDK, %2d callers: %d calls, %d exchanges, %.4f exchanges per call (%d challenges)%n",
            callers, calls, simulator.counters().requests(), simulator.counters().requests() / (double) calls,
            simulator.counters().challenges());
      }
    }
    if (!new File("/usr/bin/curl").canExecute()) {
      System.out.println("curl --digest: not installed, baseline skipped");
      return;
    }
    try (AtlasSimulator simulator = BenchTargets.simulator()) {
      int calls = 100;
      for (int i = 0; i < calls; i++) {
        Process curl = new ProcessBuilder("/usr/bin/curl", "-s", "-o", "/dev/null", "--digest", "-u",
            "bench-public:bench-private", "-H", "Content-Type: " + BenchTargets.MEDIA_TYPE, "-H",
            "Accept: " + BenchTargets.MEDIA_TYPE, "-d", BenchTargets.BODY,
            simulator.baseUri().resolve(BenchTargets.PATH).toString()).start();
        curl.waitFor();
      }
      System.out.printf("curl --digest (naive), 1 caller: %d calls, %d exchanges, %.4f exchanges per call%n", calls,
          simulator.counters().requests(), simulator.counters().requests() / (double) calls);
    }
  }

  private static void latencyAtOneCaller() throws Exception {
    System.out.println("\n== per-call latency at 1 caller: full stack / floor (mean of 2000 calls per round) ==");
    try (AtlasSimulator simulator = BenchTargets.simulator();
        AtlasClient bearer = BenchTargets.fullStack(simulator, false);
        AtlasClient digest = BenchTargets.fullStack(simulator, true)) {
      BenchTargets.Call floor = BenchTargets.floorCall(simulator);
      BenchTargets.Call sdkBearer = BenchTargets.sdkCall(bearer);
      BenchTargets.Call sdkDigest = BenchTargets.sdkCall(digest);
      for (BenchTargets.Call call : List.of(floor, sdkBearer, sdkDigest)) {
        System.out.println("warm-up: " + WarmUp.untilSteady(call, 1));
      }
      double[] bearerRatios = new double[ROUNDS];
      double[] digestRatios = new double[ROUNDS];
      double[] floorMicros = new double[ROUNDS];
      List<BenchTargets.Call> calls = List.of(floor, sdkBearer, sdkDigest);
      for (int round = 0; round < ROUNDS; round++) {
        double[] micros = new double[calls.size()];
        for (int i = 0; i < calls.size(); i++) { // the order rotates by round: none always runs first
          int which = (i + round) % calls.size();
          micros[which] = meanMicros(calls.get(which), 2000);
        }
        double f = micros[0];
        double b = micros[1];
        double d = micros[2];
        floorMicros[round] = f;
        bearerRatios[round] = b / f;
        digestRatios[round] = d / f;
        System.out.printf("round %d: floor %.1f us, full stack (bearer) %.1f us, full stack (digest) %.1f us%n",
            round + 1, f, b, d);
      }
      System.out.printf("ratio full stack (bearer) / floor: median %.3f, range %.3f-%.3f%n", median(bearerRatios),
          min(bearerRatios), max(bearerRatios));
      System.out.printf("ratio full stack (digest) / floor: median %.3f, range %.3f-%.3f%n", median(digestRatios),
          min(digestRatios), max(digestRatios));
    }
  }

  private static void throughputByCallers() throws Exception {
    System.out.printf("%n== throughput: full stack (bearer) / floor, 3 s per round, %d rounds, the first alternating ==%n",
        THROUGHPUT_ROUNDS);
    Failures floorFailures = new Failures();
    Failures sdkFailures = new Failures();
    try (AtlasSimulator simulator = BenchTargets.simulator(); AtlasClient bearer = BenchTargets.fullStack(simulator, false)) {
      BenchTargets.Call floor = floorFailures.watching(BenchTargets.floorCall(simulator));
      BenchTargets.Call sdk = sdkFailures.watching(BenchTargets.sdkCall(bearer));
      for (int callers : new int[] {1, 4, 16, 64}) {
        // Each target warm, and last run at this many callers, before its rounds (see WarmUp for why).
        System.out.printf("warm-up at %d callers: floor %s; full stack %s%n", callers, WarmUp.untilSteady(floor, callers),
            WarmUp.untilSteady(sdk, callers));
        double[] ratios = new double[THROUGHPUT_ROUNDS];
        double floorRate = 0;
        double sdkRate = 0;
        for (int round = 0; round < THROUGHPUT_ROUNDS; round++) {
          double f;
          double s;
          if (round % 2 == 0) { // alternating: neither always runs first
            f = runFor(floor, callers, 3000);
            s = runFor(sdk, callers, 3000);
          } else {
            s = runFor(sdk, callers, 3000);
            f = runFor(floor, callers, 3000);
          }
          ratios[round] = s / f;
          floorRate += f / THROUGHPUT_ROUNDS;
          sdkRate += s / THROUGHPUT_ROUNDS;
        }
        System.out.printf("%2d callers: floor %.0f calls/s, full stack %.0f calls/s, ratio median %.3f (range %.3f-%.3f),"
            + " failed calls so far: %d%n", callers, floorRate, sdkRate, median(ratios), min(ratios), max(ratios),
            FAILURES.get());
        System.out.printf("   failed so far (warm-ups included): floor %s; full stack %s%n", floorFailures.summary(),
            sdkFailures.summary());
      }
    }
  }

  private static double meanMicros(BenchTargets.Call call, int calls) throws Exception {
    long start = System.nanoTime();
    for (int i = 0; i < calls; i++) {
      call.run();
    }
    return (System.nanoTime() - start) / 1000.0 / calls;
  }

  static final AtomicLong FAILURES = new AtomicLong();

  /** Calls per second that {@code callers} threads reach in {@code millis}; failed calls are counted apart. */
  static double runFor(BenchTargets.Call call, int callers, long millis) throws Exception {
    AtomicLong done = new AtomicLong();
    long deadline = System.nanoTime() + millis * 1_000_000;
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    List<Future<?>> futures = new ArrayList<>();
    long start = System.nanoTime();
    for (int c = 0; c < callers; c++) {
      futures.add(pool.submit(() -> {
        while (System.nanoTime() < deadline) {
          try {
            call.run();
            done.incrementAndGet();
          } catch (Exception e) {
            FAILURES.incrementAndGet();
          }
        }
        return null;
      }));
    }
    for (Future<?> future : futures) {
      future.get();
    }
    pool.shutdown();
    return done.get() / ((System.nanoTime() - start) / 1e9);
  }

  private static void runCalls(BenchTargets.Call call, int callers, int calls) throws Exception {
    AtomicLong next = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    List<Future<?>> futures = new ArrayList<>();
    for (int c = 0; c < callers; c++) {
      futures.add(pool.submit(() -> {
        while (next.getAndIncrement() < calls) {
          call.run();
        }
        return null;
      }));
    }
    for (Future<?> future : futures) {
      future.get();
    }
    pool.shutdown();
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  static double min(double[] values) {
    return Arrays.stream(values).min().orElse(0);
  }

  static double max(double[] values) {
    return Arrays.stream(values).max().orElse(0);
  }
}
