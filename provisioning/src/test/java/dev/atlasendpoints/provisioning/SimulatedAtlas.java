package dev.atlasendpoints.provisioning;

import dev.atlasendpoints.core.AtlasClient;
import dev.atlasendpoints.resilience.RetryBudget;
import dev.atlasendpoints.resilience.RetryLayer;
import dev.atlasendpoints.resilience.RetrySettings;
import dev.atlasendpoints.simulator.ApiKey;
import dev.atlasendpoints.simulator.AtlasSimulator;
import dev.atlasendpoints.simulator.RateLimit;
import dev.atlasendpoints.simulator.junit.AtlasSimulatorExtension;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * A simulator on a real socket and a client with the retry layer, as an application would wire them:
 * per test through {@link #extension}, or, for a test that needs its own simulator settings, one
 * instance closed by the test.
 */
final class SimulatedAtlas implements AutoCloseable {

  static final String PROJECT = "0123456789abcdef01234567";
  private static final RetrySettings RETRY = RetrySettings.builder().maxAttempts(6).initialBackoff(Duration.ofMillis(5))
      .maxBackoff(Duration.ofMillis(40)).budget(RetryBudget.Settings.unlimited()).build();

  final AtlasSimulator atlas;
  final AtlasClient client;

  SimulatedAtlas(AtlasSimulator.Builder simulator) {
    this.atlas = simulator.apiKey(ApiKey.of("pub", "priv"))
        .rateLimit(RateLimit.unlimited()).start();
    this.client = AtlasClient.builder().baseUrl(atlas.baseUri().toString()).apiKey("pub", "priv")
        .layer(RetryLayer.of(RETRY)).build();
  }

  /** The same wiring, started before each test and closed after it; tests take it as parameters. */
  static AtlasSimulatorExtension extension(Consumer<AtlasSimulator.Builder> simulator) {
    return AtlasSimulatorExtension.builder()
        .configureSimulator(builder -> simulator.accept(builder.rateLimit(RateLimit.unlimited())))
        .configureClient(client -> client.layer(RetryLayer.of(RETRY)))
        .build();
  }

  @Override
  public void close() {
    client.close();
    atlas.close();
  }
}
