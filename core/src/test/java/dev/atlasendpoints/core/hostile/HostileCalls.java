package dev.atlasendpoints.core.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atlasendpoints.core.AtlasClient;
import dev.atlasendpoints.core.HttpSettings;
import dev.atlasendpoints.core.hostile.ScriptedServer.Script;
import dev.atlasendpoints.generated.api.PrivateEndpointServicesApi;
import dev.atlasendpoints.generated.model.CloudProvider;
import dev.atlasendpoints.generated.model.CloudProviderEndpointServiceRequest;
import dev.atlasendpoints.generated.model.EndpointService;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Builds clients against a {@link ScriptedServer} and times one create call. */
final class HostileCalls {

  static final String PROJECT = "32b6e34b3d91647abb20e7b8";
  static final long MAX_BYTES = 64 * 1024;

  private HostileCalls() {}

  /** How one call ended: a model, or what it threw, and how long it took. */
  record Outcome(EndpointService value, Throwable thrown, long millis) {

    /** What was thrown, asserted to be exactly {@code type}. */
    <T extends Throwable> T threw(Class<T> type) {
      assertThat(thrown).as("what the call threw after %d ms", millis).isExactlyInstanceOf(type);
      return type.cast(thrown);
    }

    String ending() {
      return thrown == null ? "returned-" + (value == null ? "nothing" : "EndpointService")
          : thrown.getClass().getSimpleName();
    }
  }

  static HttpSettings settings(Duration readTimeout) {
    return HttpSettings.builder().readTimeout(readTimeout).connectTimeout(Duration.ofSeconds(1))
        .maxResponseBytes(MAX_BYTES).build();
  }

  /** A client with the default transport, or {@code transport} when not null. */
  static AtlasClient client(ScriptedServer server, HttpSettings settings, feign.Client transport) {
    AtlasClient.Builder builder = AtlasClient.builder().baseUrl(server.baseUrl())
        .apiKey("test-public-key", "test-private-key-5ecret").httpSettings(settings);
    return (transport == null ? builder : builder.transport(transport)).build();
  }

  /** Creates an AWS endpoint service; {@code envelope} is the query parameter (null: absent). */
  static Outcome create(AtlasClient client, Boolean envelope) {
    CloudProviderEndpointServiceRequest body =
        new CloudProviderEndpointServiceRequest().providerName(CloudProvider.AWS).region("us-east-1");
    return timed(() -> client.api(PrivateEndpointServicesApi.class)
        .createPrivateEndpointService(PROJECT, body, envelope, null));
  }

  /** Reads an AWS endpoint service: a GET, which the JDK's client may resend by itself. */
  static Outcome get(AtlasClient client) {
    return timed(() -> client.api(PrivateEndpointServicesApi.class)
        .getPrivateEndpointService(PROJECT, CloudProvider.AWS, "65a1f2e3d4c5b6a798100001"));
  }

  private static Outcome timed(Supplier<EndpointService> call) {
    long start = System.nanoTime();
    try {
      EndpointService value = call.get();
      return new Outcome(value, null, elapsedMillis(start));
    } catch (Throwable thrown) {
      return new Outcome(null, thrown, elapsedMillis(start));
    }
  }

  /** Prints the line quoted in reports: {@code HOSTILE <case> <ending> <ms> ms}, then the root cause if any. */
  static Outcome report(String caseName, Outcome outcome) {
    Throwable root = outcome.thrown();
    while (root != null && root.getCause() != null) {
      root = root.getCause();
    }
    System.out.printf("HOSTILE %s %s %d ms%s%n", caseName, outcome.ending(), outcome.millis(),
        root == null || root == outcome.thrown() ? "" : " (root cause " + root.getClass().getSimpleName() + ": "
            + String.valueOf(root.getMessage()).lines().findFirst().orElse("") + ")");
    return outcome;
  }

  /** A scripted server and a client of it, for one test; every call through it is reported and time-bound. */
  static final class Harness implements AutoCloseable {
    final ScriptedServer server;
    final Duration readTimeout;
    private AtlasClient client;

    Harness(Duration readTimeout) throws IOException {
      this.readTimeout = readTimeout;
      this.server = new ScriptedServer(ScriptedServer.afterChallenge(HostileAnswers.created()));
      this.client = client(server, settings(readTimeout), null);
    }

    /** From now on, calls go through {@code transport}. */
    void transport(feign.Client transport) {
      client.close();
      client = client(server, settings(readTimeout), transport);
    }

    /** Runs {@code hostile} on the authorized attempt. */
    Outcome against(String caseName, Script hostile) {
      return againstRaw(caseName, ScriptedServer.afterChallenge(hostile), null);
    }

    /** Runs {@code script} on every request; asserts the call ended within the deadline plus a second. */
    Outcome againstRaw(String caseName, Script script, Boolean envelope) {
      server.script(script);
      Outcome outcome = report(caseName, create(client, envelope));
      assertThat(outcome.millis()).as("elapsed ms").isLessThan(readTimeout.toMillis() + 1_000);
      return outcome;
    }

    /** Closes the client from another thread after {@code millis}. */
    void closeClientAfter(long millis) {
      AtlasClient closing = client;
      Thread closer = new Thread(() -> {
        try {
          Thread.sleep(millis);
        } catch (InterruptedException e) {
          return;
        }
        closing.close();
      }, "test-client-closer");
      closer.setDaemon(true);
      closer.start();
    }

    /** A read, on whatever script the server runs now; asserts it ended within the deadline plus a second. */
    Outcome get(String caseName) {
      Outcome outcome = report(caseName, HostileCalls.get(client));
      assertThat(outcome.millis()).as("elapsed ms").isLessThan(readTimeout.toMillis() + 1_000);
      return outcome;
    }

    @Override
    public void close() {
      client.close();
      server.close();
    }
  }

  private static long elapsedMillis(long startNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
  }
}
