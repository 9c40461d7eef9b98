package dev.atlasendpoints.simulator;

import static dev.atlasendpoints.simulator.TestClient.PROJECT;
import static dev.atlasendpoints.simulator.TestClient.V2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The standalone program's options configure the simulator they say. */
class SimulatorMainTest {

  private static final String SERVICES = "/api/atlas/v2/groups/" + PROJECT + "/privateEndpoint/endpointService";

  private static SimulatorMain parse(String... args) {
    SimulatorMain main = new SimulatorMain();
    new CommandLine(main).parseArgs(args);
    return main;
  }

  @Test
  void optionsConfigureKeysProjectsLimitsAndFaults() throws Exception {
    SimulatorMain main = parse("--port", "0", "--api-key", "pub:priv:" + PROJECT, "--rate-limit", "1/1/60",
        "--digest-algorithms", "SHA_256", "--fault", "SERVICE_UNAVAILABLE:1.0");

    try (AtlasSimulator simulator = main.configure().start()) {
      TestClient client = new TestClient(simulator);
      var challenge = client.post(SERVICES, V2, "{}", null);
      var answer = client.postWithDigest(SERVICES, V2, "{\"providerName\":\"AWS\",\"region\":\"x\"}", "pub", "priv");

      assertThat(challenge.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("algorithm=SHA-256");
      assertThat(answer.statusCode()).isEqualTo(503);
      assertThat(answer.headers().firstValue("Retry-After")).hasValue("1");
    }
  }

  @Test
  void lifecycleOptions_setTheDurationsAndTheReadyStatus() throws Exception {
    SimulatorMain main = parse("--port", "0", "--api-key", "pub:priv", "--service-initiating-ms", "0",
        "--services-wait-for-user", "--not-found-window-ms", "0");

    try (AtlasSimulator simulator = main.configure().start()) {
      TestClient client = new TestClient(simulator, "pub", "priv");
      String id = TestResources.service(client, "AWS", "us-east-1").get("id").asText();

      var read = client.get(AtlasPaths.service(AtlasPaths.Version.V2, "AWS", id));

      assertThat(TestClient.json(read).get("status").asText()).isEqualTo("WAITING_FOR_USER");
    }
  }

  @Test
  void lifecycleOptions_defaultToTheLifecycleDefaults() {
    SimulatorMain main = parse();

    assertThat(main.serviceInitiatingMillis).isEqualTo(1000);
    assertThat(main.endpointPendingMillis).isEqualTo(1000);
    assertThat(main.serverlessReservationRequestedMillis).isEqualTo(500);
    assertThat(main.serverlessReservedMillis).isEqualTo(500);
    assertThat(main.notFoundWindowMillis).isZero();
    assertThat(main.servicesWaitForUser).isFalse();
  }

  @Test
  void aMalformedKey_isRejected_withoutEchoingIt() {
    SimulatorMain main = parse("--api-key", "only-one-part-secret");

    assertThatThrownBy(main::configure)
        .isInstanceOf(CommandLine.ParameterException.class)
        .hasMessageContaining("--api-key")
        .hasMessageNotContaining("only-one-part-secret");
  }
}
