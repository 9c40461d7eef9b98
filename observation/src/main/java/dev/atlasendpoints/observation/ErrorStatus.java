package dev.atlasendpoints.observation;

/**
 * The error recorded on a call's observation when Atlas answered it with a status of 400 or more
 * (the caller then gets the SDK's typed exception, thrown above the layers where no observation
 * sees it), so that tracing marks the call's span as failed. It names the operation and the status
 * only: never the body, a URL or a header. No stack trace: it is a record, not a throw site.
 */
final class ErrorStatus extends RuntimeException {

  private static final long serialVersionUID = 1L;

  ErrorStatus(String operationId, int status) {
    super("Atlas answered " + status + " to " + operationId, null, false, false);
  }
}
