package dev.atlasendpoints.metrics;

import dev.atlasendpoints.core.AtlasOperation;
import dev.atlasendpoints.core.RequestTags;
import feign.Request;
import feign.Response;
import io.micrometer.core.instrument.Tags;

/** The bounded tags of one timed request (core's {@link RequestTags}, as Micrometer tags); the same keys on every sample. */
final class TimerTags {

  private TimerTags() {}

  static Tags of(AtlasOperation operation, Request request, Response response, Throwable failure) {
    RequestTags tags = RequestTags.of(
        operation, request.httpMethod().name(), response == null ? -1 : response.status(), failure);
    return Tags.of(
        MeterNames.OPERATION, tags.operation(),
        MeterNames.METHOD, tags.method(),
        MeterNames.URI, tags.uri(),
        MeterNames.STATUS, tags.status(),
        MeterNames.OUTCOME, tags.outcome(),
        MeterNames.EXCEPTION, tags.exception());
  }
}
