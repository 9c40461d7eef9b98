package dev.atlasendpoints.core;

import dev.atlasendpoints.simulator.AtlasSimulator;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A simulator and a client pointed at it, both closed after each test:
 * {@code @RegisterExtension final SimulatedAtlas atlas = new SimulatedAtlas();}.
 */
final class SimulatedAtlas implements AfterEachCallback {

  private AtlasSimulator simulator;
  private AtlasClient client;

  /** Starts a simulator from {@code simulatorBuilder}, then a client against it; returns its {@code api}. */
  <T> T start(AtlasSimulator.Builder simulatorBuilder, AtlasClient.Builder clientBuilder, Class<T> api) {
    simulator = simulatorBuilder.start();
    return connect(clientBuilder.baseUrl(simulator.baseUri().toString()), api);
  }

  /** Replaces the client (closing the previous one) with one built from {@code clientBuilder} as it is. */
  <T> T connect(AtlasClient.Builder clientBuilder, Class<T> api) {
    if (client != null) {
      client.close();
    }
    client = clientBuilder.build();
    return client.api(api);
  }

  AtlasSimulator simulator() {
    return simulator;
  }

  AtlasClient client() {
    return client;
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (client != null) {
      client.close();
    }
    if (simulator != null) {
      simulator.close();
    }
  }
}
