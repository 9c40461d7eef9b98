package dev.atlasendpoints.core.internal;

import java.io.IOException;

/** The transport refused the request before sending it (a closed client, a header it cannot carry). */
final class RequestNotSentException extends IOException {

  private static final long serialVersionUID = 1L;

  RequestNotSentException(String why) {
    super(why);
  }
}
