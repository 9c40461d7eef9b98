package dev.atlasendpoints.examples;

import dev.atlasendpoints.core.AtlasClient;
import dev.atlasendpoints.core.errors.AtlasException;
import dev.atlasendpoints.core.errors.AtlasInvalidRequestException;
import dev.atlasendpoints.generated.api.PrivateEndpointServicesApi;
import dev.atlasendpoints.generated.api.ServerlessPrivateEndpointsApi;
import dev.atlasendpoints.generated.model.CloudProvider;
import dev.atlasendpoints.generated.model.CloudProviderEndpointServiceRequest;
import dev.atlasendpoints.generated.model.CreateAWSEndpointRequest;
import dev.atlasendpoints.generated.model.EndpointService;
import dev.atlasendpoints.generated.model.PrivateEndpointConnectionRequest;
import dev.atlasendpoints.generated.model.ServerlessTenantCreateRequest;
import dev.atlasendpoints.metrics.MeterNames;
import dev.atlasendpoints.simulator.ApiKey;
import dev.atlasendpoints.simulator.AtlasSimulator;
import dev.atlasendpoints.simulator.Fault;
import dev.atlasendpoints.simulator.Operation;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintStream;
import java.util.concurrent.TimeUnit;

/**
 * The README's demo: creates one resource through each of the five operations with a fully layered
 * client, shows a throttled call absorbed and a bad input refused before any request, and prints a
 * summary and an excerpt of the Prometheus metrics.
 *
 * <p>With no credentials in the environment it starts the Atlas simulator in-process. With
 * {@code ATLAS_PUBLIC_KEY}/{@code ATLAS_PRIVATE_KEY} (or {@code ATLAS_CLIENT_ID}/{@code ATLAS_CLIENT_SECRET})
 * and {@code ATLAS_PROJECT_ID} it talks to the real Atlas ({@code ATLAS_BASE_URL} to point elsewhere)
 * and creates real resources there.
 */
public final class Demo {

  static final String DEMO_PROJECT = "5f7cac1adf5d6c6306f4b283";
  private final PrintStream out;

  Demo(PrintStream out) {
    this.out = out;
  }

  public static void main(String[] args) {
    if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
      System.setProperty("java.util.logging.SimpleFormatter.format", "  [%4$s] %5$s%n");
    }
    int status = new Demo(System.out).run(AtlasEnvironment.from(System.getenv()));
    if (status != 0) {
      System.exit(status);
    }
  }

  int run(AtlasEnvironment given) {
    AtlasSimulator simulator = given.hasCredentials() ? null
        : AtlasSimulator.builder().apiKey(ApiKey.of("demo-public-key", "demo-private-key")).start();
    AtlasEnvironment env = simulator == null ? given
        : new AtlasEnvironment(simulator.baseUri().toString(), "demo-public-key", "demo-private-key", null, null,
            DEMO_PROJECT);
    if (env.project().isEmpty()) {
      out.println("Set ATLAS_PROJECT_ID to the project to create resources in.");
      return 2;
    }
    out.println("Atlas Private Endpoints SDK demo");
    out.println(simulator == null
        ? "Talking to " + env.baseUrl() + " as " + env + ": these are real resources."
        : "No credentials in the environment: using the local Atlas simulator at " + simulator.baseUri());
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try (AtlasClient client = ClientFactory.fullyLayered(env, registry, "demo")) {
      createOneOfEach(client, env.project().get(), simulator);
      refuseBadInput(client, env.project().get(), simulator);
      summarize(registry);
      return 0;
    } catch (AtlasException e) {
      out.println("The demo stopped: " + e.getMessage());
      return 1;
    } finally {
      if (simulator != null) {
        simulator.close();
      }
    }
  }

  @SuppressWarnings("deprecation")
  private void createOneOfEach(AtlasClient client, String project, AtlasSimulator simulator) {
    PrivateEndpointServicesApi services = client.api(PrivateEndpointServicesApi.class);
    ServerlessPrivateEndpointsApi serverless = client.api(ServerlessPrivateEndpointsApi.class);
    out.println();
    out.println("Creating one resource through each of the five operations:");

    var connection = services.createPrivateEndpointConnection(project, new PrivateEndpointConnectionRequest()
        .providerName(PrivateEndpointConnectionRequest.ProviderNameEnum.AWS)
        .region(PrivateEndpointConnectionRequest.RegionEnum.US_EAST_1));
    row("createPrivateEndpointConnection", "legacy AWS connection", connection.getId(), connection.getStatus());

    if (simulator != null) {
      simulator.faults().next(Operation.CREATE_PRIVATE_ENDPOINT_SERVICE, Fault.tooManyRequests(1));
    }
    long start = System.nanoTime();
    EndpointService service = services.createPrivateEndpointService(project,
        new CloudProviderEndpointServiceRequest().providerName(CloudProvider.AWS).region("eu-west-1"));
    row("createPrivateEndpointService", "AWS service in " + service.getRegionName(), service.getId(),
        service.getStatus());
    if (simulator != null) {
      out.printf("  (Atlas throttled that call with 429 and Retry-After: 1; the retry layer waited and sent it "
          + "again: %d ms in all)%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }

    var endpoint = services.createPrivateEndpoint(project, CloudProvider.AWS, service.getId(),
        new CreateAWSEndpointRequest().id("vpce-0a1b2c3d4e5f60718"));
    row("createPrivateEndpoint", "AWS interface endpoint", "vpce-0a1b2c3d4e5f60718",
        endpoint.getClass().getSimpleName());

    var v2 = serverless.createServerlessPrivateEndpoint(project, "demo-instance",
        new ServerlessTenantCreateRequest().comment("created by the SDK demo"));
    row("createServerlessPrivateEndpoint", "serverless endpoint", v2.getId(), v2.getStatus());

    var v1 = serverless.createServerlessPrivateEndpointV1(project, "demo-instance",
        new ServerlessTenantCreateRequest());
    row("createServerlessPrivateEndpointV1", "serverless endpoint (v1.0)", v1.getId(), v1.getStatus());
  }

  @SuppressWarnings("deprecation")
  private void refuseBadInput(AtlasClient client, String project, AtlasSimulator simulator) {
    out.println();
    out.println("A bad input is refused before any request:");
    long before = simulator == null ? -1 : simulator.counters().requests();
    try {
      client.api(ServerlessPrivateEndpointsApi.class).createServerlessPrivateEndpoint(project, "demo-instance",
          new ServerlessTenantCreateRequest().comment("x".repeat(81)));
      out.println("  unexpectedly accepted");
    } catch (AtlasInvalidRequestException e) {
      out.println("  " + e.getMessage());
      if (simulator != null) {
        out.println("  requests that reached Atlas: " + (simulator.counters().requests() - before));
      }
    }
  }

  private void summarize(PrometheusMeterRegistry registry) {
    long calls = registry.find(MeterNames.CALLS).timers().stream().mapToLong(Timer::count).sum();
    long exchanges = registry.find(MeterNames.EXCHANGES).timers().stream().mapToLong(Timer::count).sum();
    double challenges = registry.find(MeterNames.AUTH_CHALLENGES).counters().stream().mapToDouble(Counter::count).sum();
    double retries = registry.find(MeterNames.RETRIES).counters().stream().mapToDouble(Counter::count).sum();
    double meanMillis = registry.find(MeterNames.CALLS).timers().stream()
        .mapToDouble(t -> t.totalTime(TimeUnit.MILLISECONDS)).sum() / Math.max(1, calls);
    double maxMillis = registry.find(MeterNames.CALLS).timers().stream()
        .mapToDouble(t -> t.max(TimeUnit.MILLISECONDS)).max().orElse(0);
    out.println();
    out.println("Summary:");
    out.printf("  calls: %d, HTTP exchanges: %d (digest challenges: %.0f, retries: %.0f)%n", calls, exchanges,
        challenges, retries);
    out.printf("  latency per call: mean %.1f ms, max %.1f ms%n", meanMillis, maxMillis);
    out.println();
    out.println("Prometheus metrics (excerpt):");
    registry.scrape().lines()
        .filter(line -> line.startsWith("atlas_client_calls_seconds_count") || line.startsWith("atlas_client_retries_total")
            || line.startsWith("atlas_client_auth_challenges_total"))
        .map(Demo::withoutSecondaryTags)
        .forEach(line -> out.println("  " + line));
  }

  private static String withoutSecondaryTags(String line) {
    return line.replaceAll("(exception|method|uri)=\"[^\"]*\",?", "");
  }

  private void row(String operation, String what, String id, Object status) {
    out.printf("  %-34s %-28s %-26s %s%n", operation, what, id, status);
  }
}
