package dev.atlasendpoints.core.errors;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What an Atlas error answer said: its {@code ApiError} body and the headers that matter.
 *
 * @param operationId the spec's operationId of the call
 * @param status the HTTP status
 * @param errorCode the application error code (an open set), or {@code null} if the body had none
 * @param detail the explanation for people, or {@code null}
 * @param reason the reason phrase, or {@code null}
 * @param parameters the values the detail speaks of (strings and numbers mixed)
 * @param fieldErrors for 400s, the fields Atlas objects to
 * @param retryAfter the {@code Retry-After} wait, when the answer carried one
 */
public record ApiErrorDetails(String operationId, int status, String errorCode, String detail, String reason,
    List<Object> parameters, List<FieldError> fieldErrors, Optional<Duration> retryAfter) {

  /**
   * A field a 400 answer objects to.
   *
   * @param field the field's name
   * @param description the rule it breaks
   */
  public record FieldError(String field, String description) {}

  public ApiErrorDetails {
    parameters = parameters == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(parameters));
    fieldErrors = fieldErrors == null ? List.of() : List.copyOf(fieldErrors);
    retryAfter = retryAfter == null ? Optional.empty() : retryAfter;
  }
}
