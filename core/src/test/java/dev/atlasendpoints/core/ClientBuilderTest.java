package dev.atlasendpoints.core;

import static dev.atlasendpoints.core.Fixtures.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atlasendpoints.core.auth.ApiKeyCredentials;
import dev.atlasendpoints.core.auth.ServiceAccountCredentials;
import dev.atlasendpoints.generated.api.PrivateEndpointServicesApi;
import dev.atlasendpoints.simulator.AtlasSimulator;
import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The builder's rules: layer order, no double wrapping, safe defaults, what close releases. */
class ClientBuilderTest {

  /** A layer that records the order in which requests pass through it, and how often it was wrapped. */
  private static final class RecordingLayer {
    final AtomicInteger wraps = new AtomicInteger();
    final ClientLayer layer;

    RecordingLayer(String name, LayerPosition position, List<String> trace) {
      layer = ClientLayer.of(position, name, (next, context) -> {
        wraps.incrementAndGet();
        return (request, options) -> {
          trace.add(name + (request.headers().containsKey("Authorization") ? "+auth" : ""));
          return next.execute(request, options);
        };
      });
    }
  }

  @Test
  void layers_runInPositionOrder_whateverOrderTheyWereAdded_andWrapOnce() {
    List<String> trace = new CopyOnWriteArrayList<>();
    RecordingLayer exchange = new RecordingLayer("exchange", LayerPosition.EXCHANGE, trace);
    RecordingLayer retry = new RecordingLayer("retry", LayerPosition.RETRY, trace);
    RecordingLayer call = new RecordingLayer("call", LayerPosition.CALL, trace);
    try (AtlasSimulator simulator = Fixtures.simulator().start();
        AtlasClient client = Fixtures.client(simulator).layer(exchange.layer).layer(retry.layer)
        .layer(call.layer).build()) {

      client.api(PrivateEndpointServicesApi.class)
          .createPrivateEndpointService(PROJECT, Fixtures.awsService("us-east-1"));

      assertThat(client.layerOrder()).containsExactly("CALL:call", "RETRY:retry",
          "AUTHENTICATION:digest-authentication", "EXCHANGE:exchange");
      // One call: the outer layers see it once; the exchange layer sees the challenge and the answer.
      assertThat(trace).containsExactly("call", "retry", "exchange", "exchange+auth");
      assertThat(List.of(exchange.wraps.get(), retry.wraps.get(), call.wraps.get())).containsOnly(1);
    }
  }

  @Test
  void everyLayer_learnsTheOperationAndProject_fromItsContext_andListenersHearEveryLayer() {
    List<AtlasCall> seen = new CopyOnWriteArrayList<>();
    List<String> heard = new CopyOnWriteArrayList<>();
    ClientLayer observer = ClientLayer.of(LayerPosition.EXCHANGE, "observer", (next, context) -> (request, options) -> {
      seen.add(context.call(request));
      context.events().onRetry(context.call(request).operation(), 1, java.time.Duration.ZERO, "test");
      return next.execute(request, options);
    });
    ClientEventListener listener = new ClientEventListener() {
      @Override
      public void onRetry(AtlasOperation operation, int attempt, java.time.Duration wait, String reason) {
        heard.add(operation.operationId() + ":" + reason);
      }
    };
    try (AtlasSimulator simulator = Fixtures.simulator().start();
        AtlasClient client = Fixtures.client(simulator).layer(observer).listener(listener).build()) {

      client.api(PrivateEndpointServicesApi.class)
          .createPrivateEndpointService(PROJECT, Fixtures.awsService("us-east-1"));

      assertThat(seen).hasSize(2).allSatisfy(call -> {
        assertThat(call.operation().operationId()).isEqualTo("createPrivateEndpointService");
        assertThat(call.operation().pathTemplate())
            .isEqualTo("/api/atlas/v2/groups/{groupId}/privateEndpoint/endpointService");
        assertThat(call.projectId()).isEqualTo(PROJECT);
      });
      assertThat(heard).containsExactly("createPrivateEndpointService:test", "createPrivateEndpointService:test");
    }
  }

  @Test
  void theSameLayerTwice_isRefused() {
    RecordingLayer layer = new RecordingLayer("metrics", LayerPosition.EXCHANGE, List.of());
    AtlasClient.Builder builder = AtlasClient.builder().layer(layer.layer);

    assertThatThrownBy(() -> builder.layer(layer.layer)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("metrics was added twice");
  }

  @Test
  void buildingTwice_givesIndependentPipelines() {
    RecordingLayer layer = new RecordingLayer("count", LayerPosition.EXCHANGE, new CopyOnWriteArrayList<>());
    AtlasClient.Builder builder = AtlasClient.builder().apiKey("p", "k").baseUrl("http://127.0.0.1:1").layer(layer.layer);

    try (AtlasClient first = builder.build(); AtlasClient second = builder.build()) {
      assertThat(layer.wraps.get()).isEqualTo(2);
      assertThat(first.layerOrder()).isEqualTo(second.layerOrder());
    }
  }

  @Test
  void plainHttp_isRefusedBeyondLoopback_unlessExplicitlyAllowed() {
    assertThatThrownBy(() -> AtlasClient.builder().apiKey("p", "k").baseUrl("http://cloud.mongodb.com").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("loopback");
    assertThatThrownBy(() -> AtlasClient.builder().apiKey("p", "k").baseUrl("http://10.0.0.8:8080").build())
        .isInstanceOf(IllegalArgumentException.class);

    try (AtlasClient loopbackV4 = AtlasClient.builder().apiKey("p", "k").baseUrl("http://127.0.0.1:8080/").build();
        AtlasClient loopbackV6 = AtlasClient.builder().apiKey("p", "k").baseUrl("http://[::1]:8080").build();
        AtlasClient allowed = AtlasClient.builder().apiKey("p", "k").baseUrl("http://atlas.internal")
            .httpSettings(HttpSettings.builder().allowInsecureHttp(true).build()).build()) {
      assertThat(loopbackV4.baseUrl()).isEqualTo("http://127.0.0.1:8080");
      assertThat(loopbackV6.baseUrl()).isEqualTo("http://[::1]:8080");
      assertThat(allowed.baseUrl()).isEqualTo("http://atlas.internal");
    }
  }

  @Test
  void malformedBaseUrls_andMissingCredentials_areRefused() {
    assertThatThrownBy(() -> AtlasClient.builder().apiKey("p", "k").baseUrl("ftp://cloud.mongodb.com").build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AtlasClient.builder().apiKey("p", "k").baseUrl("https://user:pw@cloud.mongodb.com").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("pw");
    assertThatThrownBy(() -> AtlasClient.builder().build()).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> AtlasClient.builder().apiKey("p", "k").serviceAccount("c", "s").build())
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void defaults_pointAtAtlas() {
    try (AtlasClient client = AtlasClient.builder().apiKey("p", "k").build()) {
      assertThat(client.baseUrl()).isEqualTo("https://cloud.mongodb.com");
    }
  }

  @Test
  void credentialsNeverPrint() {
    assertThat(new ApiKeyCredentials("public", "private-secret").toString()).doesNotContain("private-secret");
    assertThat(new ServiceAccountCredentials("id", "sa-secret").toString()).doesNotContain("sa-secret");
    try (AtlasClient client = AtlasClient.builder().apiKey("public", "private-secret").build()) {
      assertThat(client.toString()).doesNotContain("private-secret");
    }
  }

  @Test
  void close_releasesWhatTheClientCreated_andLeavesTheCallersTransportAlone() {
    AtomicInteger closedTransports = new AtomicInteger();
    class ClosableTransport implements Client, AutoCloseable {
      @Override
      public Response execute(Request request, Request.Options options) throws IOException {
        throw new IOException("not used");
      }

      @Override
      public void close() {
        closedTransports.incrementAndGet();
      }
    }
    AtlasClient own = AtlasClient.builder().apiKey("p", "k").build();
    AtlasClient borrowed = AtlasClient.builder().apiKey("p", "k").transport(new ClosableTransport()).build();

    own.close();
    borrowed.close();

    assertThat(own.isReleased()).isTrue();
    assertThat(closedTransports.get()).isZero();
  }

  @Test
  void settingsThatWouldOverflow_areRefusedWhenBuilt() {
    assertThatThrownBy(() -> HttpSettings.builder().maxResponseBytes(Long.MAX_VALUE).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxResponseBytes");
    assertThatThrownBy(() -> HttpSettings.builder().readTimeout(java.time.Duration.ofSeconds(Long.MAX_VALUE)).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 24 hours");
  }

  @Test
  void close_closesOuterLayersFirst_soTheTokenRevocationStillPassesTheExchangeLayers() {
    List<String> events = new CopyOnWriteArrayList<>();
    class ClosableExchangeLayer implements Client, AutoCloseable {
      private final Client next;

      ClosableExchangeLayer(Client next) {
        this.next = next;
      }

      @Override
      public Response execute(Request request, Request.Options options) throws IOException {
        events.add(context(request));
        return next.execute(request, options);
      }

      private String context(Request request) {
        return request.url().substring(request.url().indexOf("/api/"));
      }

      @Override
      public void close() {
        events.add("closed");
      }
    }
    try (AtlasSimulator simulator = AtlasSimulator.builder()
        .serviceAccount(dev.atlasendpoints.simulator.ServiceAccount.of("mdb_sa_id_1", "secret-1")).start()) {
      AtlasClient client = AtlasClient.builder().baseUrl(simulator.baseUri().toString())
          .serviceAccount("mdb_sa_id_1", "secret-1")
          .layer(ClientLayer.of(LayerPosition.EXCHANGE, "closable", (next, context) -> new ClosableExchangeLayer(next)))
          .build();
      client.api(PrivateEndpointServicesApi.class)
          .createPrivateEndpointService(PROJECT, Fixtures.awsService("us-east-1"));

      client.close();
      client.close(); // closing twice is harmless

      assertThat(events).endsWith("/api/oauth/revoke", "closed");
      assertThat(simulator.activeTokens("mdb_sa_id_1")).isZero();
    }
  }
}
