package dev.atlasendpoints.observation;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names an exchange's observation as OpenTelemetry names HTTP client spans ({@code METHOD route})
 * and tags it with bounded keys; never anything from the request's headers.
 */
final class ExchangeConvention implements ObservationConvention<AtlasExchangeContext> {

  static final ExchangeConvention INSTANCE = new ExchangeConvention();

  @Override
  public String getName() {
    return AtlasObservationNames.EXCHANGE;
  }

  @Override
  public String getContextualName(AtlasExchangeContext context) {
    return context.method() + " " + context.operation().pathTemplate();
  }

  @Override
  public KeyValues getLowCardinalityKeyValues(AtlasExchangeContext context) {
    return RequestKeyValues.of(context.operation(), context.method(), context.status(), context.getError());
  }

  @Override
  public boolean supportsContext(Observation.Context context) {
    return context instanceof AtlasExchangeContext;
  }
}
