package dev.atlasendpoints.resilience;

import dev.atlasendpoints.core.AtlasClient;
import dev.atlasendpoints.core.AtlasOperation;
import dev.atlasendpoints.core.ClientEventListener;
import dev.atlasendpoints.core.ClientLayer;
import dev.atlasendpoints.generated.api.ServerlessPrivateEndpointsApi;
import dev.atlasendpoints.generated.model.ServerlessTenantCreateRequest;
import dev.atlasendpoints.generated.model.ServerlessTenantEndpoint;
import dev.atlasendpoints.simulator.ApiKey;
import dev.atlasendpoints.simulator.AtlasSimulator;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** A simulator and a client with the resilience layers, plus a listener that records their events. */
final class Harness implements AutoCloseable {

  static final String PROJECT = "32b6e34b3d91647abb20e7b8";
  static final String PATH = "/api/atlas/v2/groups/" + PROJECT + "/privateEndpoint/serverless/instance/i1/endpoint";

  /** Records the events the resilience layers report. */
  static final class Events implements ClientEventListener {
    final List<String> retries = new CopyOnWriteArrayList<>();
    final List<Boolean> throttles = new CopyOnWriteArrayList<>();
    final List<Double> rates = new CopyOnWriteArrayList<>();

    @Override
    public void onRetry(AtlasOperation operation, int attempt, Duration wait, String reason) {
      retries.add(operation.operationId() + ":" + attempt + ":" + reason);
    }

    @Override
    public void onClientThrottle(AtlasOperation operation, Duration waited, boolean refused) {
      throttles.add(refused);
    }

    @Override
    public void onRateChange(String endpointSet, double permitsPerSecond) {
      rates.add(permitsPerSecond);
    }
  }

  final AtlasSimulator simulator;
  final AtlasClient client;
  final ServerlessPrivateEndpointsApi api;
  final Events events = new Events();

  Harness(AtlasSimulator.Builder simulatorBuilder, ClientLayer... layers) {
    simulator = simulatorBuilder.apiKey(ApiKey.of("public", "private")).start();
    AtlasClient.Builder builder = AtlasClient.builder().baseUrl(simulator.baseUri().toString())
        .apiKey("public", "private").listener(events);
    for (ClientLayer layer : layers) {
      builder.layer(layer);
    }
    client = builder.build();
    api = client.api(ServerlessPrivateEndpointsApi.class);
  }

  @SuppressWarnings("deprecation")
  ServerlessTenantEndpoint create(String comment) {
    return api.createServerlessPrivateEndpoint(PROJECT, "i1", new ServerlessTenantCreateRequest().comment(comment));
  }

  /** The comments of everything the simulator created, one entry per resource. */
  List<String> createdComments() {
    return simulator.inventory().resources().stream().map(r -> r.body().path("comment").asText()).toList();
  }

  static void concurrently(int callers, int callsEach, java.util.function.IntConsumer call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    try {
      List<Future<?>> futures = new java.util.ArrayList<>();
      for (int c = 0; c < callers; c++) {
        int caller = c;
        futures.add(pool.submit(() -> {
          for (int i = 0; i < callsEach; i++) {
            call.accept(caller * callsEach + i);
          }
        }));
      }
      for (Future<?> future : futures) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Override
  public void close() {
    client.close();
    simulator.close();
  }
}
