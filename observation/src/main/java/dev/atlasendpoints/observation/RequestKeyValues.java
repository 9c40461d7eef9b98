package dev.atlasendpoints.observation;

import dev.atlasendpoints.core.AtlasOperation;
import io.micrometer.common.KeyValues;

/** The bounded keys of a call or an exchange: the same keys, always, with the meters' values. */
final class RequestKeyValues {

  private static final String[] OUTCOMES = {"UNKNOWN", "INFORMATIONAL", "SUCCESS", "REDIRECTION", "CLIENT_ERROR",
      "SERVER_ERROR"};

  private RequestKeyValues() {}

  static KeyValues of(AtlasOperation operation, String method, int status, Throwable error) {
    boolean known = operation != AtlasOperation.UNKNOWN;
    return KeyValues.of(
        AtlasObservationNames.OPERATION, known ? operation.operationId() : AtlasObservationNames.NONE,
        AtlasObservationNames.METHOD, method,
        AtlasObservationNames.URI, known ? operation.pathTemplate() : AtlasObservationNames.NONE,
        AtlasObservationNames.STATUS, status < 0 ? AtlasObservationNames.NONE : Integer.toString(status),
        AtlasObservationNames.OUTCOME, status >= 100 && status < 600 ? OUTCOMES[status / 100] : OUTCOMES[0],
        AtlasObservationNames.EXCEPTION,
        error == null || error instanceof ErrorStatus ? "none" : error.getClass().getSimpleName());
  }
}
