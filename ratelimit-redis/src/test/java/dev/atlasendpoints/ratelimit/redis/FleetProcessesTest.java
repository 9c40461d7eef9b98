package dev.atlasendpoints.ratelimit.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atlasendpoints.simulator.ApiKey;
import dev.atlasendpoints.simulator.AtlasSimulator;
import dev.atlasendpoints.simulator.RateLimit;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Several JVM processes (not threads) on one API key against one simulated Atlas bucket: sharing
 * limits through Redis keeps the fleet within the bucket; each process on its own limits, in the
 * same test, collects far more 429s. The workers are killed after {@link #WORKER_DEADLINE} at the
 * latest (a hung worker ends its output, which fails the test) and in any case when it ends.
 */
@Timeout(300)
class FleetProcessesTest {

  @RegisterExtension
  static final RedisServer REDIS = new RedisServer();

  static final int PROCESSES = 3;
  static final int CALLERS = 4;
  static final int CREATES = 10;
  static final int CAPACITY = 10;
  static final Duration WORKER_DEADLINE = Duration.ofMinutes(2);

  /** The fleet's totals, and the 429s Atlas sent. */
  record Fleet(int succeeded, int failed, int fallbacks, long tooManyRequests) {}

  static Fleet run(String redisUrl, AtlasSimulator.Builder simulatorBuilder) throws Exception {
    try (AtlasSimulator atlas = simulatorBuilder.rateLimit(new RateLimit(CAPACITY, 10, 1))
        .apiKey(ApiKey.of(FleetWorker.PUBLIC_KEY, FleetWorker.PRIVATE_KEY)).threads(32).start()) {
      String prefix = "fleet-" + System.nanoTime();
      List<Process> processes = new CopyOnWriteArrayList<>();
      List<BufferedReader> outputs = new ArrayList<>();
      CompletableFuture.delayedExecutor(WORKER_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
          .execute(() -> processes.forEach(Process::destroyForcibly)); // readLine then ends: no hang
      for (int p = 0; p < PROCESSES; p++) {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"), FleetWorker.class.getName(), atlas.baseUri().toString(),
            redisUrl, Integer.toString(CALLERS), Integer.toString(CREATES), prefix)
            .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        processes.add(process);
        outputs.add(new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)));
      }
      try {
        for (BufferedReader output : outputs) {
          assertThat(output.readLine()).isEqualTo("READY");
        }
        for (Process process : processes) { // all start together
          OutputStream go = process.getOutputStream();
          go.write('\n');
          go.flush();
        }
        int succeeded = 0;
        int failed = 0;
        int fallbacks = 0;
        for (BufferedReader output : outputs) {
          String line = output.readLine();
          assertThat(line).as("the worker's result").startsWith("RESULT ");
          String[] result = line.split(" ");
          succeeded += Integer.parseInt(result[1]);
          failed += Integer.parseInt(result[2]);
          fallbacks += Integer.parseInt(result[3]);
        }
        return new Fleet(succeeded, failed, fallbacks, atlas.counters().rateLimited());
      } finally {
        for (Process process : processes) {
          process.destroy();
          if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
          }
        }
      }
    }
  }

  @Test
  void aFleetSharingItsLimits_staysWithinOneBucket_whereSeparateLimitsDoNot() throws Exception {
    Fleet shared = run(REDIS.url(), AtlasSimulator.builder());
    Fleet separate = run("none", AtlasSimulator.builder());

    System.out.println("shared: " + shared + "; separate: " + separate);
    int calls = PROCESSES * CALLERS * CREATES;
    assertThat(shared.succeeded()).isEqualTo(calls);
    assertThat(shared.fallbacks()).as("Redis answered throughout").isZero();
    // The first burst of all callers at once beyond Atlas's capacity, plus at most one per process.
    long bound = PROCESSES * CALLERS - CAPACITY + PROCESSES;
    assertThat(shared.tooManyRequests()).isLessThanOrEqualTo(bound);
    assertThat(separate.succeeded()).isEqualTo(calls);
    assertThat(separate.tooManyRequests()).as("the same load on per-process limits goes beyond it")
        .isGreaterThan(bound);
  }
}
