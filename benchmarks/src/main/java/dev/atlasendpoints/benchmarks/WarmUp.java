package dev.atlasendpoints.benchmarks;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/**
 * Warms one target until it runs as fast as it is going to, so that measured rounds are warm.
 *
 * <p>Why not a fixed time at the measured concurrency: with 64 runnable callers and the simulator's
 * threads on two cores, the JIT's compiler threads starve, and a fixed 2-3 s leaves the code partly
 * interpreted (a fresh JVM at 64 callers was still at a third of its warm rate after 36 s). So each
 * target first runs at {@link #COMPILING_CALLERS} callers, which leaves the compiler CPU, in windows
 * of {@link #WINDOW_MILLIS}, until a window neither raises the best rate by more than 3% nor adds more
 * than {@link #QUIET_COMPILE_MILLIS} of JIT compilation time (the JVM's own count), or at most
 * {@link #MAX_WINDOWS} windows; then one window at the measured concurrency, so that connection
 * pools, inflated locks and the code paths only many callers take are in place too.
 */
final class WarmUp {

  static final int COMPILING_CALLERS = 4;
  static final long WINDOW_MILLIS = 1000;
  static final long QUIET_COMPILE_MILLIS = 20;
  static final int MAX_WINDOWS = 20;

  private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();

  private WarmUp() {}

  /**
   * Runs {@code call} until it is warm, then once at {@code callers}.
   *
   * @return a one-line account: windows run, last rate, the JIT time the last window added
   */
  static String untilSteady(BenchTargets.Call call, int callers) throws Exception {
    double best = 0;
    long compiled = JIT.getTotalCompilationTime();
    int windows = 0;
    double rate = 0;
    long added = 0;
    while (windows < MAX_WINDOWS) {
      rate = LoadComparison.runFor(call, COMPILING_CALLERS, WINDOW_MILLIS);
      windows++;
      long now = JIT.getTotalCompilationTime();
      added = now - compiled;
      compiled = now;
      boolean rising = rate > best * 1.03;
      best = Math.max(best, rate);
      if (windows >= 3 && !rising && added <= QUIET_COMPILE_MILLIS) {
        break;
      }
    }
    double atCallers = LoadComparison.runFor(call, callers, WINDOW_MILLIS);
    return String.format("%d windows of %d ms at %d callers (last %.0f calls/s, JIT +%d ms), then %.0f calls/s at %d",
        windows, WINDOW_MILLIS, COMPILING_CALLERS, rate, added, atCallers, callers);
  }
}
