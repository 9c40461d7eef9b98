package dev.atlasendpoints.simulator.junit;

import dev.atlasendpoints.core.AtlasClient;
import dev.atlasendpoints.simulator.ApiKey;
import dev.atlasendpoints.simulator.AtlasSimulator;
import dev.atlasendpoints.simulator.ServiceAccount;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/** One started simulator and the client pointed at it, closed together (client first) exactly once. */
final class RunningSimulator implements AutoCloseable {

  private final AtlasSimulator simulator;
  private final AtlasClient client;
  private final AtomicBoolean closed = new AtomicBoolean();

  private RunningSimulator(AtlasSimulator simulator, AtlasClient client) {
    this.simulator = simulator;
    this.client = client;
  }

  /**
   * Starts a simulator that accepts both test credentials, with the caller's options applied after
   * the defaults, then a client for it with the chosen credentials and the caller's client options.
   */
  static RunningSimulator start(SimulatorAuth auth, Consumer<AtlasSimulator.Builder> simulatorOptions,
      Consumer<AtlasClient.Builder> clientOptions) {
    AtlasSimulator.Builder simulatorBuilder = AtlasSimulator.builder()
        .apiKey(ApiKey.of(AtlasSimulatorExtension.PUBLIC_KEY, AtlasSimulatorExtension.PRIVATE_KEY))
        .serviceAccount(ServiceAccount.of(AtlasSimulatorExtension.CLIENT_ID, AtlasSimulatorExtension.CLIENT_SECRET));
    simulatorOptions.accept(simulatorBuilder);
    AtlasSimulator simulator = simulatorBuilder.start();
    try {
      AtlasClient.Builder clientBuilder = AtlasClient.builder().baseUrl(simulator.baseUri().toString());
      if (auth == SimulatorAuth.SERVICE_ACCOUNT) {
        clientBuilder.serviceAccount(AtlasSimulatorExtension.CLIENT_ID, AtlasSimulatorExtension.CLIENT_SECRET);
      } else {
        clientBuilder.apiKey(AtlasSimulatorExtension.PUBLIC_KEY, AtlasSimulatorExtension.PRIVATE_KEY);
      }
      clientOptions.accept(clientBuilder);
      return new RunningSimulator(simulator, clientBuilder.build());
    } catch (RuntimeException | Error e) {
      simulator.close();
      throw e;
    }
  }

  AtlasSimulator simulator() {
    return simulator;
  }

  AtlasClient client() {
    return client;
  }

  @Override
  public void close() {
    if (closed.getAndSet(true)) {
      return;
    }
    try {
      client.close();
    } finally {
      simulator.close();
    }
  }
}
