package dev.atlasendpoints.observation;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/** Names a call's observation after its operation (the span name) and tags it with bounded keys. */
final class CallConvention implements ObservationConvention<AtlasCallContext> {

  static final CallConvention INSTANCE = new CallConvention();

  @Override
  public String getName() {
    return AtlasObservationNames.CALL;
  }

  @Override
  public String getContextualName(AtlasCallContext context) {
    return "atlas " + context.operation().operationId();
  }

  @Override
  public KeyValues getLowCardinalityKeyValues(AtlasCallContext context) {
    return RequestKeyValues.of(context.operation(), context.method(), context.status(), context.getError());
  }

  @Override
  public boolean supportsContext(Observation.Context context) {
    return context instanceof AtlasCallContext;
  }
}
