package dev.atlasendpoints.observation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atlasendpoints.core.errors.AtlasAmbiguousOutcomeException;
import dev.atlasendpoints.simulator.Fault;
import dev.atlasendpoints.simulator.Operation;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * A handler that throws is never felt by the caller: the call answers as without it, and the
 * thread's current observation afterwards is the one before the call.
 */
class FailingHandlerTest {

  /** Throws from one of the handler callbacks, for the Atlas observations only. */
  private static ObservationHandler<Observation.Context> failing(String callback) {
    return new ObservationHandler<>() {
      private void fail(String name) {
        if (name.equals(callback)) {
          throw new IllegalStateException("handler failed in " + name);
        }
      }

      @Override
      public void onScopeOpened(Observation.Context context) {
        fail("onScopeOpened");
      }

      @Override
      public void onScopeClosed(Observation.Context context) {
        fail("onScopeClosed");
      }

      @Override
      public void onError(Observation.Context context) {
        fail("onError");
      }

      @Override
      public boolean supportsContext(Observation.Context context) {
        return context instanceof AtlasCallContext || context instanceof AtlasExchangeContext;
      }
    };
  }

  /** Runs {@code calls} inside an application observation and checks it is current throughout. */
  private static void insideAnApplicationObservation(String failingCallback, Consumer<SimulatedCalls> calls) {
    ObservationRegistry registry = ObservationRegistry.create();
    List<Observation.ContextView> callParents = new CopyOnWriteArrayList<>();
    registry.observationConfig().observationHandler(new ObservationHandler<>() {
      @Override
      public void onStart(Observation.Context context) {
        if (context instanceof AtlasCallContext) {
          callParents.add(context.getParentObservation().getContextView());
        }
      }

      @Override
      public boolean supportsContext(Observation.Context context) {
        return true;
      }
    }).observationHandler(failing(failingCallback));
    Observation application = Observation.start("application.request", registry);
    try (SimulatedCalls atlas = new SimulatedCalls(registry); Observation.Scope scope = application.openScope()) {
      calls.accept(atlas);
      assertThat(registry.getCurrentObservation()).isSameAs(application);
      assertThat(callParents).isNotEmpty().allSatisfy(parent -> assertThat(parent).isSameAs(application.getContext()));
    } finally {
      application.stop();
    }
    assertThat(registry.getCurrentObservation()).isNull();
  }

  @Test
  void aHandlerFailingToOpenTheScope_failsNoCall_andLeavesNoStaleObservation() {
    insideAnApplicationObservation("onScopeOpened", atlas -> {
      assertThat(atlas.createService("us-east-1").getId()).isNotBlank();
      assertThat(atlas.createService("us-east-2").getId()).isNotBlank();
    });
  }

  @Test
  void aHandlerFailingToCloseTheScope_failsNoCall_andLeavesNoStaleObservation() {
    insideAnApplicationObservation("onScopeClosed", atlas -> {
      assertThat(atlas.createService("us-east-1").getId()).isNotBlank();
      assertThat(atlas.createService("us-east-2").getId()).isNotBlank();
    });
  }

  @Test
  void aHandlerFailingOnError_leavesTheCallsOwnException() {
    insideAnApplicationObservation("onError", atlas -> {
      atlas.simulator.faults().next(Operation.CREATE_PRIVATE_ENDPOINT_SERVICE, Fault.resetBeforeProcessing());
      assertThatThrownBy(() -> atlas.createService("us-east-1")).isInstanceOf(AtlasAmbiguousOutcomeException.class);
    });
  }
}
