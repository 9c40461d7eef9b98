package dev.atlasendpoints.benchmarks;

import dev.atlasendpoints.core.AtlasClient;
import dev.atlasendpoints.simulator.AtlasSimulator;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every stack the split drivers ({@link ThroughputSplit}, {@link ThreadCpuSplit}) compare, by the name
 * they print, against one simulator, from the floor to the full stack (see {@link ThroughputSplit} for
 * what each one is). Closing it closes the SDK clients.
 */
final class BenchStacks implements AutoCloseable {

  private final List<AtlasClient> clients = new ArrayList<>();
  private final Map<String, BenchTargets.Call> calls = new LinkedHashMap<>();
  private final List<String> only;

  /** @param only the names to keep, in this class's order; empty for all */
  BenchStacks(AtlasSimulator simulator, List<String> only) throws Exception {
    this.only = only;
    add("floor", () -> BenchTargets.floorCall(simulator));
    add("floor+decode", () -> BenchTargets.floorDecodingCall(simulator));
    add("floor+request", () -> BenchTargets.floorPerCallRequestCall(simulator));
    add("floor-http1.1", () -> BenchTargets.floorCall(simulator, HttpClient.Version.HTTP_1_1));
    add("floor-timeout", () -> BenchTargets.floorCall(simulator, HttpClient.Version.HTTP_1_1, Duration.ofSeconds(60)));
    add("floor-as-sdk", () -> BenchTargets.floorAsSdkConfiguresIt(simulator));
    add("floor-own-subscriber", () -> BenchTargets.floorOwnSubscriber(simulator));
    add("floor-consumer", () -> BenchTargets.floorConsumer(simulator));
    add("floor-inline", () -> BenchTargets.floorInline(simulator));
    add("core-bearer", () -> sdk(BenchTargets.stack(simulator, false, false, false, false)));
    add("core-digest", () -> sdk(BenchTargets.stack(simulator, true, false, false, false)));
    add("+retry", () -> sdk(BenchTargets.stack(simulator, false, true, false, false)));
    add("+ratelimit", () -> sdk(BenchTargets.stack(simulator, false, true, true, false)));
    add("+metrics(full)", () -> sdk(BenchTargets.stack(simulator, false, true, true, true)));
    add("full-digest", () -> sdk(BenchTargets.fullStack(simulator, true)));
  }

  /** A stack, built only when it is wanted (an idle client's threads would count in the others' figures). */
  @FunctionalInterface
  private interface Factory {
    BenchTargets.Call build() throws Exception;
  }

  private void add(String name, Factory factory) throws Exception {
    if (only.isEmpty() || only.contains(name)) {
      calls.put(name, factory.build());
    }
  }

  private BenchTargets.Call sdk(AtlasClient client) {
    clients.add(client);
    return BenchTargets.sdkCall(client);
  }

  /** The stacks kept, by name, in a fixed order. */
  Map<String, BenchTargets.Call> calls() {
    return calls;
  }

  @Override
  public void close() {
    clients.forEach(AtlasClient::close);
  }
}
