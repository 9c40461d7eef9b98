package dev.atlasendpoints.observation;

import dev.atlasendpoints.core.AtlasOperation;
import dev.atlasendpoints.core.RequestTags;
import io.micrometer.common.KeyValues;

/** The bounded keys of a call or an exchange: core's {@link RequestTags}, the meters' keys and values. */
final class RequestKeyValues {

  private RequestKeyValues() {}

  static KeyValues of(AtlasOperation operation, String method, int status, Throwable error) {
    RequestTags tags = RequestTags.of(operation, method, status, error instanceof ErrorStatus ? null : error);
    return KeyValues.of(
        AtlasObservationNames.OPERATION, tags.operation(),
        AtlasObservationNames.METHOD, tags.method(),
        AtlasObservationNames.URI, tags.uri(),
        AtlasObservationNames.STATUS, tags.status(),
        AtlasObservationNames.OUTCOME, tags.outcome(),
        AtlasObservationNames.EXCEPTION, tags.exception());
  }
}
