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

  /**
   * What a person can act on, never "null": the status and its reason, Atlas's errorCode and detail
   * when it sent them, the fields it named, and for a 401 where to look.
   */
  private static String messageOf(ApiErrorDetails details) {
    StringBuilder message = new StringBuilder();
    message.append(details.operationId() == null ? "the call" : details.operationId())
        .append(" failed: Atlas answered ").append(details.status()).append(' ')
        .append(details.reason() != null && !details.reason().isBlank() ? details.reason()
            : reasonPhrase(details.status()));
    if (details.errorCode() != null) {
      message.append(" (").append(details.errorCode()).append(')');
    }
    if (details.detail() != null && !details.detail().isBlank()) {
      message.append(": ").append(details.detail());
    }
    details.fieldErrors().forEach(f -> message.append(" [").append(f.field()).append(": ")
        .append(f.description()).append(']'));
    if (details.status() == 401) {
      message.append(". Check the API key or service account, and that it may act on this project");
    }
    if (SERVICE_ACCOUNT_TOKEN.equals(details.operationId())) {
      message.append("; the API request was not sent");
    }
    return message.toString();
  }

  private static final String SERVICE_ACCOUNT_TOKEN = "serviceAccountToken";

  private static String reasonPhrase(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 402 -> "Payment Required";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 409 -> "Conflict";
      case 410 -> "Gone";
      case 429 -> "Too Many Requests";
      case 500 -> "Internal Server Error";
      case 502 -> "Bad Gateway";
      case 503 -> "Service Unavailable";
      case 504 -> "Gateway Timeout";
      default -> status >= 300 && status < 400 ? "Redirection (not followed)" : "HTTP status";
    };
  }
}
