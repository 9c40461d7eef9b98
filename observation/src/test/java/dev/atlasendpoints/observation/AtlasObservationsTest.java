package dev.atlasendpoints.observation;

import static dev.atlasendpoints.observation.SimulatedCalls.PROJECT;
import static dev.atlasendpoints.observation.SimulatedCalls.SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atlasendpoints.core.errors.AtlasAmbiguousOutcomeException;
import dev.atlasendpoints.simulator.Fault;
import dev.atlasendpoints.simulator.Operation;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The observations the layers record for real calls against the simulator: structure and keys. */
class AtlasObservationsTest {

  private final TestObservationRegistry registry = TestObservationRegistry.create();
  /** The contexts in the order their observations started (the test registry's own list is not public). */
  private final List<Observation.Context> started = new CopyOnWriteArrayList<>();
  private final List<Observation.Context> stopped = new CopyOnWriteArrayList<>();
  private final SimulatedCalls atlas = new SimulatedCalls(registry);

  {
    registry.observationConfig().observationHandler(new ObservationHandler<>() {
      @Override
      public void onStart(Observation.Context context) {
        started.add(context);
      }

      @Override
      public void onStop(Observation.Context context) {
        stopped.add(context);
      }

      @Override
      public boolean supportsContext(Observation.Context context) {
        return true;
      }
    });
  }

  @AfterEach
  void close() {
    atlas.close();
  }

  private List<Observation.Context> contexts(String name) {
    return started.stream().filter(c -> c.getName().equals(name)).collect(Collectors.toList());
  }

  private static Map<String, String> keys(Observation.Context context) {
    return context.getLowCardinalityKeyValues().stream()
        .collect(Collectors.toMap(KeyValue::getKey, KeyValue::getValue));
  }

  private void assertAllStopped() {
    TestObservationRegistryAssert.assertThat(registry).doesNotHaveAnyRemainingCurrentObservation()
        .hasHandledContextsThatSatisfy(handled -> assertThat(handled).hasSameElementsAs(started));
    assertThat(stopped).hasSameElementsAs(started);
  }

  @Test
  void aDigestCall_isOneCallObservation_withTheChallengeAndTheAnswerAsChildExchanges() {
    atlas.createService("us-east-1");

    List<Observation.Context> calls = contexts(AtlasObservationNames.CALL);
    List<Observation.Context> exchanges = contexts(AtlasObservationNames.EXCHANGE);
    assertThat(calls).hasSize(1);
    assertThat(exchanges).hasSize(2);
    Observation.Context call = calls.get(0);
    assertThat(exchanges).allSatisfy(exchange ->
        assertThat(exchange.getParentObservation().getContextView()).isSameAs(call));
    assertThat(call.getParentObservation()).isNull();
    assertThat(call.getContextualName()).isEqualTo("atlas createPrivateEndpointService");
    assertThat(exchanges.get(0).getContextualName())
        .isEqualTo("POST /api/atlas/v2/groups/{groupId}/privateEndpoint/endpointService");

    Map<String, String> expectedCall = Map.of("operation", "createPrivateEndpointService", "method", "POST",
        "uri", "/api/atlas/v2/groups/{groupId}/privateEndpoint/endpointService", "status", "201",
        "outcome", "SUCCESS", "exception", "none");
    assertThat(keys(call)).isEqualTo(expectedCall);
    assertThat(exchanges).extracting(e -> keys(e).get("status")).containsExactly("401", "201");
    assertThat(exchanges).extracting(e -> keys(e).get("outcome")).containsExactly("CLIENT_ERROR", "SUCCESS");
    assertAllStopped();
  }

  @Test
  void theNextCall_reusesTheNonce_soItHasOneExchange() {
    atlas.createService("us-east-1");
    registry.clear();
    started.clear();
    stopped.clear();

    atlas.createService("us-east-2");

    assertThat(contexts(AtlasObservationNames.CALL)).hasSize(1);
    assertThat(contexts(AtlasObservationNames.EXCHANGE)).singleElement()
        .satisfies(e -> assertThat(keys(e)).containsEntry("status", "201"));
  }

  @Test
  void aFailedExchange_carriesItsException_andNoStatus_onTheExchangeAndTheCall() {
    atlas.simulator.faults().next(Operation.CREATE_PRIVATE_ENDPOINT_SERVICE, Fault.resetBeforeProcessing());

    assertThatThrownBy(() -> atlas.createService("us-east-1")).isInstanceOf(AtlasAmbiguousOutcomeException.class);

    Observation.Context call = contexts(AtlasObservationNames.CALL).get(0);
    assertThat(call.getError()).isInstanceOf(AtlasAmbiguousOutcomeException.class);
    assertThat(keys(call)).containsEntry("exception", "AtlasAmbiguousOutcomeException")
        .containsEntry("status", "NONE").containsEntry("outcome", "UNKNOWN");
    Observation.Context failed = contexts(AtlasObservationNames.EXCHANGE).stream()
        .filter(e -> e.getError() != null).findFirst().orElseThrow();
    assertThat(keys(failed)).containsEntry("exception", "AtlasAmbiguousOutcomeException");
    assertAllStopped();
  }

  @Test
  void noKeyValue_holdsTheProjectId_theKeys_orAUrl() {
    atlas.createService("us-east-1");

    assertThat(started).isNotEmpty().allSatisfy(c -> {
      KeyValues all = c.getAllKeyValues();
      assertThat(all.stream().map(KeyValue::getValue))
          .noneMatch(v -> v.contains(PROJECT) || v.contains(SECRET) || v.contains("public") || v.contains("http"));
    });
  }
}
