package dev.atlasendpoints.core.errors;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Atlas answered with an error. Dedicated subtypes exist where callers act differently; any other
 * status (402, for instance) is this type itself. Everything the answer said is here.
 */
public class AtlasApiException extends AtlasException {

  private static final long serialVersionUID = 1L;
  private final transient ApiErrorDetails details;

  protected AtlasApiException(ApiErrorDetails details) {
    super(details.operationId(), messageOf(details), null);
    this.details = details;
  }

  /** The exception type that fits the answer's status. */
  public static AtlasApiException of(ApiErrorDetails details) {
    int status = details.status();
    return switch (status) {
      case 400 -> new AtlasBadRequestException(details);
      case 401 -> new AtlasAuthenticationException(details);
      case 403 -> new AtlasForbiddenException(details);
      case 404 -> new AtlasNotFoundException(details);
      case 409 -> new AtlasConflictException(details);
      case 410 -> new AtlasGoneException(details);
      case 429 -> new AtlasRateLimitedException(details);
      default -> status >= 500 ? new AtlasServerException(details) : new AtlasApiException(details);
    };
  }

  public int status() {
    return details.status();
  }

  /** The application error code, e.g. {@code PRIVATE_ENDPOINT_SERVICE_ALREADY_EXISTS_FOR_REGION}. */
  public String errorCode() {
    return details.errorCode();
  }

  public String detail() {
    return details.detail();
  }

  public String reason() {
    return details.reason();
  }

  public List<Object> parameters() {
    return details.parameters();
  }

  public List<ApiErrorDetails.FieldError> fieldErrors() {
    return details.fieldErrors();
  }

  /** How long Atlas asked to wait, when it said. */
  public Optional<Duration> retryAfter() {
    return details.retryAfter();
  }

  public ApiErrorDetails details() {
    return details;
  }

  private static String messageOf(ApiErrorDetails details) {
    StringBuilder message = new StringBuilder();
    message.append(details.operationId() == null ? "the call" : details.operationId())
        .append(" failed: ").append(details.status());
    if (details.errorCode() != null) {
      message.append(' ').append(details.errorCode());
    }
    if (details.detail() != null) {
      message.append(": ").append(details.detail());
    }
    details.fieldErrors().forEach(f -> message.append(" [").append(f.field()).append(": ")
        .append(f.description()).append(']'));
    return message.toString();
  }
}
