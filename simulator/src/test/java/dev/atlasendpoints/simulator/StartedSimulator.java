package dev.atlasendpoints.simulator;

import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A simulator on a manual clock, started by a test and closed after it:
 * {@code @RegisterExtension final StartedSimulator started = new StartedSimulator();}.
 */
final class StartedSimulator implements AfterEachCallback {

  final ManualClock clock = new ManualClock();
  private AtlasSimulator simulator;

  /** Starts {@code builder} on this clock and returns a client for it. */
  TestClient start(AtlasSimulator.Builder builder, Function<AtlasSimulator, TestClient> client) {
    simulator = builder.clock(clock).start();
    return client.apply(simulator);
  }

  AtlasSimulator simulator() {
    return simulator;
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (simulator != null) {
      simulator.close();
    }
  }
}
