package dev.atlasendpoints.core;

/**
 * The bounded tags that describe one call or exchange: the same keys and values for every module
 * that reports them ({@code atlas-metrics}' meters, {@code atlas-observation}'s spans), so a
 * dashboard reads both alike. Never a concrete URL, a project id or anything secret.
 *
 * @param operation the spec's operationId, or {@link #NONE} when the request is not an Atlas operation
 * @param method the HTTP method
 * @param uri the operation's path template, parameters unexpanded, or {@link #NONE}
 * @param status the status answered, or {@link #NONE} without an answer
 * @param outcome the class of the status ({@code SUCCESS}, {@code CLIENT_ERROR}, ...), {@code UNKNOWN} without an answer
 * @param exception the simple class name of the failure, or {@code none}
 */
public record RequestTags(String operation, String method, String uri, String status, String outcome, String exception) {

  public static final String OPERATION = "operation";
  public static final String METHOD = "method";
  public static final String URI = "uri";
  public static final String STATUS = "status";
  public static final String OUTCOME = "outcome";
  public static final String EXCEPTION = "exception";

  /** The value of a tag that has nothing to say, so every sample carries the same keys. */
  public static final String NONE = "NONE";

  private static final String[] OUTCOMES =
      {"UNKNOWN", "INFORMATIONAL", "SUCCESS", "REDIRECTION", "CLIENT_ERROR", "SERVER_ERROR"};

  /**
   * @param status the status answered, or a negative number without an answer
   * @param failure what the request ended with, or {@code null}
   */
  public static RequestTags of(AtlasOperation operation, String httpMethod, int status, Throwable failure) {
    boolean known = operation != AtlasOperation.UNKNOWN;
    return new RequestTags(
        known ? operation.operationId() : NONE,
        httpMethod,
        known ? operation.pathTemplate() : NONE,
        status < 0 ? NONE : Integer.toString(status),
        status >= 100 && status < 600 ? OUTCOMES[status / 100] : OUTCOMES[0],
        failure == null ? "none" : failure.getClass().getSimpleName());
  }
}
