package dev.atlasendpoints.core.internal;

import java.io.IOException;

/** An answer's body was larger than the client accepts; the exchange was cancelled. */
final class ResponseTooLargeException extends IOException {

  private static final long serialVersionUID = 1L;
  private final int status;

  ResponseTooLargeException(int status, long maxBytes) {
    super("the answer is larger than the configured bound of " + maxBytes + " bytes");
    this.status = status;
  }

  int status() {
    return status;
  }
}
