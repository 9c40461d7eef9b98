package dev.atlasendpoints.metrics;

import dev.atlasendpoints.core.AtlasOperation;
import feign.Request;
import feign.Response;
import io.micrometer.core.instrument.Tags;

/** The bounded tags of one timed request; the same keys on every sample. */
final class RequestTags {

  private RequestTags() {}

  static Tags of(AtlasOperation operation, Request request, Response response, Throwable failure) {
    int status = response == null ? -1 : response.status();
    boolean known = operation != AtlasOperation.UNKNOWN;
    return Tags.of(
        MeterNames.OPERATION, known ? operation.operationId() : MeterNames.NONE,
        MeterNames.METHOD, request.httpMethod().name(),
        MeterNames.URI, known ? operation.pathTemplate() : MeterNames.NONE,
        MeterNames.STATUS, status < 0 ? MeterNames.NONE : String.valueOf(status),
        MeterNames.OUTCOME, outcome(status),
        MeterNames.EXCEPTION, failure == null ? "none" : failure.getClass().getSimpleName());
  }

  private static String outcome(int status) {
    if (status < 0) {
      return "UNKNOWN";
    }
    return switch (status / 100) {
      case 1 -> "INFORMATIONAL";
      case 2 -> "SUCCESS";
      case 3 -> "REDIRECTION";
      case 4 -> "CLIENT_ERROR";
      case 5 -> "SERVER_ERROR";
      default -> "UNKNOWN";
    };
  }
}
