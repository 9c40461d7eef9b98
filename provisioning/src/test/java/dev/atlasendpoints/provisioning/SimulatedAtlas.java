package dev.atlasendpoints.provisioning;

import dev.atlasendpoints.core.AtlasClient;
import dev.atlasendpoints.resilience.RetryBudget;
import dev.atlasendpoints.resilience.RetryLayer;
import dev.atlasendpoints.resilience.RetrySettings;
import dev.atlasendpoints.simulator.ApiKey;
import dev.atlasendpoints.simulator.AtlasSimulator;
import dev.atlasendpoints.simulator.RateLimit;
import java.time.Duration;

/** A simulator on a real socket and a client with the retry layer, as an application would wire them. */
final class SimulatedAtlas implements AutoCloseable {

  static final String PROJECT = "0123456789abcdef01234567";

  final AtlasSimulator atlas;
  final AtlasClient client;

  SimulatedAtlas(AtlasSimulator.Builder simulator) {
    this.atlas = simulator.apiKey(ApiKey.of("pub", "priv")).rateLimit(RateLimit.unlimited()).start();
    RetrySettings retry = RetrySettings.builder().maxAttempts(6).initialBackoff(Duration.ofMillis(5))
        .maxBackoff(Duration.ofMillis(40)).budget(RetryBudget.Settings.unlimited()).build();
    this.client = AtlasClient.builder().baseUrl(atlas.baseUri().toString()).apiKey("pub", "priv")
        .layer(RetryLayer.of(retry)).build();
  }

  @Override
  public void close() {
    client.close();
    atlas.close();
  }
}
