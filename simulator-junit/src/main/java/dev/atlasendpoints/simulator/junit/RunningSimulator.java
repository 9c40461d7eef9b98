package dev.atlasendpoints.simulator.junit;

import dev.atlasendpoints.core.AtlasClient;
import dev.atlasendpoints.simulator.ApiKey;
import dev.atlasendpoints.simulator.AtlasSimulator;
import dev.atlasendpoints.simulator.ServiceAccount;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One started simulator and the client pointed at it, closed together (client first) exactly once,
 * with the settings it was started with (a {@code @Nested} class shares it only when its own are equal).
 *
 * <p>Kept in the extension's store both as {@link AutoCloseable} and as the deprecated
 * {@link ExtensionContext.Store.CloseableResource}: JUnit skips the after-all callbacks when the class
 * fails before its before-all callbacks ran (a throwing constructor under
 * {@code @TestInstance(PER_CLASS)}), and then only closing the store stops the simulator. JUnit before
 * 5.13, or with {@code junit.jupiter.extensions.store.close.autocloseable.enabled=false}, closes only
 * {@code CloseableResource}s; JUnit closes each stored value once, whichever it implements.
 */
@SuppressWarnings("deprecation") // CloseableResource: see above
final class RunningSimulator implements AutoCloseable, ExtensionContext.Store.CloseableResource {

  private final AtlasSimulatorExtension.Settings settings;
  private final AtlasSimulator simulator;
  private final AtlasClient client;
  private final AtomicBoolean closed = new AtomicBoolean();

  private RunningSimulator(AtlasSimulatorExtension.Settings settings, AtlasSimulator simulator, AtlasClient client) {
    this.settings = settings;
    this.simulator = simulator;
    this.client = client;
  }

  /**
   * Starts a simulator that accepts both test credentials, with the caller's options applied after
   * the defaults, then a client for it with the caller's client options, and last the simulator's base
   * URL and the chosen credentials, so that the injected client always talks to this simulator.
   */
  static RunningSimulator start(AtlasSimulatorExtension.Settings settings) {
    AtlasSimulator.Builder simulatorBuilder = AtlasSimulator.builder()
        .apiKey(ApiKey.of(AtlasSimulatorExtension.PUBLIC_KEY, AtlasSimulatorExtension.PRIVATE_KEY))
        .serviceAccount(ServiceAccount.of(AtlasSimulatorExtension.CLIENT_ID, AtlasSimulatorExtension.CLIENT_SECRET));
    settings.simulatorOptions().accept(simulatorBuilder);
    AtlasSimulator simulator = simulatorBuilder.start();
    try {
      AtlasClient.Builder clientBuilder = AtlasClient.builder();
      settings.clientOptions().accept(clientBuilder);
      clientBuilder.baseUrl(simulator.baseUri().toString());
      if (settings.auth() == SimulatorAuth.SERVICE_ACCOUNT) {
        clientBuilder.serviceAccount(AtlasSimulatorExtension.CLIENT_ID, AtlasSimulatorExtension.CLIENT_SECRET);
      } else {
        clientBuilder.apiKey(AtlasSimulatorExtension.PUBLIC_KEY, AtlasSimulatorExtension.PRIVATE_KEY);
      }
      return new RunningSimulator(settings, simulator, clientBuilder.build());
    } catch (RuntimeException | Error e) {
      simulator.close();
      throw e;
    }
  }

  AtlasSimulatorExtension.Settings settings() {
    return settings;
  }

  AtlasSimulator simulator() {
    return simulator;
  }

  AtlasClient client() {
    return client;
  }

  boolean isClosed() {
    return closed.get();
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
