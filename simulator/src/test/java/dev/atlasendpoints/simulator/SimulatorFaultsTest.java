package dev.atlasendpoints.simulator;

import static dev.atlasendpoints.simulator.TestClient.PROJECT;
import static dev.atlasendpoints.simulator.TestClient.V2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Injected faults: what the client sees, and what the inventory holds afterwards. */
class SimulatorFaultsTest {

  private static final String SERVERLESS = "/api/atlas/v2/groups/" + PROJECT + "/privateEndpoint/serverless/instance/i1/endpoint";
  private static final Operation OPERATION = Operation.CREATE_SERVERLESS_PRIVATE_ENDPOINT;

  private AtlasSimulator simulator;
  private TestClient client;

  @BeforeEach
  void start() {
    simulator = AtlasSimulator.builder().apiKey(ApiKey.of("public", "private")).start();
    client = new TestClient(simulator);
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  private HttpResponse<String> create() throws Exception {
    return client.postWithDigest(SERVERLESS, V2, "{}", "public", "private");
  }

  @Test
  void statusFaults_answerTheirStatus_andCreateNothing() throws Exception {
    simulator.faults()
        .next(OPERATION, Fault.internalServerError())
        .next(OPERATION, Fault.badGateway())
        .next(OPERATION, Fault.serviceUnavailable(7))
        .next(OPERATION, Fault.serviceUnavailable())
        .next(OPERATION, Fault.tooManyRequests(3));

    List<HttpResponse<String>> responses = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      responses.add(create());
    }

    assertThat(responses).extracting(HttpResponse::statusCode).containsExactly(500, 502, 503, 503, 429, 201);
    assertThat(responses.get(0).body()).contains("UNEXPECTED_ERROR");
    assertThat(responses.get(2).headers().firstValue("Retry-After")).hasValue("7");
    assertThat(responses.get(3).headers().firstValue("Retry-After")).isEmpty();
    assertThat(responses.get(4).headers().firstValue("Retry-After")).hasValue("3");
    assertThat(simulator.inventory().resources()).hasSize(1);
    assertThat(simulator.counters().faultsInjected()).isEqualTo(5);
    assertThat(simulator.counters().rateLimited()).isEqualTo(1);
  }

  @Test
  void resetBeforeProcessing_givesNoAnswer_andCreatesNothing() throws Exception {
    simulator.faults().next(OPERATION, Fault.resetBeforeProcessing());

    assertThatThrownBy(this::create).isInstanceOf(IOException.class);
    assertThat(simulator.inventory().resources()).isEmpty();
    assertThat(simulator.counters().creates()).isZero();
  }

  @Test
  void createdThenDropped_givesNoAnswer_butTheResourceExists() throws Exception {
    simulator.faults().next(OPERATION, Fault.createdThenDropped());

    assertThatThrownBy(this::create).isInstanceOf(IOException.class);
    assertThat(simulator.inventory().resources()).hasSize(1);
    assertThat(simulator.counters().creates(OPERATION)).isEqualTo(1);
  }

  @Test
  void latency_holdsTheAnswerBack_thenServesIt() throws Exception {
    simulator.faults().next(OPERATION, Fault.latency(Duration.ofMillis(300)));
    HttpResponse<String> challenge = client.post(SERVERLESS, V2, "{}", null);
    String authorization = client.digest(challenge.headers().firstValue("WWW-Authenticate").orElseThrow(), "public",
        "private", "POST", SERVERLESS, 1);

    long start = System.nanoTime();
    HttpResponse<String> response = client.post(SERVERLESS, V2, "{}", authorization);
    long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(elapsedMillis).isGreaterThanOrEqualTo(300);
  }

  @Test
  void faultsOnOneOperation_leaveOthersAlone() throws Exception {
    simulator.faults().nextTimes(Operation.CREATE_PRIVATE_ENDPOINT_SERVICE, 3, Fault.internalServerError());

    assertThat(create().statusCode()).isEqualTo(201);
  }

  @Test
  void randomFaults_areReproducibleFromTheSeed() throws Exception {
    assertThat(outcomesWithSeed(7)).isEqualTo(outcomesWithSeed(7)).contains(201, 503);
  }

  private List<Integer> outcomesWithSeed(long seed) throws Exception {
    try (AtlasSimulator seeded = AtlasSimulator.builder().apiKey(ApiKey.of("public", "private")).seed(seed).start()) {
      seeded.faults().withProbability(0.5, Fault.serviceUnavailable(1));
      TestClient seededClient = new TestClient(seeded);
      List<Integer> outcomes = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        outcomes.add(seededClient.postWithDigest(SERVERLESS, V2, "{}", "public", "private").statusCode());
      }
      return outcomes;
    }
  }

  @Test
  void clear_removesEveryFault() throws Exception {
    simulator.faults().withProbability(1.0, Fault.internalServerError()).next(OPERATION, Fault.badGateway());

    simulator.faults().clear();

    assertThat(create().statusCode()).isEqualTo(201);
  }
}
