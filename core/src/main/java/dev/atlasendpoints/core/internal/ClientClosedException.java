package dev.atlasendpoints.core.internal;

import java.io.IOException;

/** The client was closed while a call waited for its answer; the request may have reached Atlas. */
final class ClientClosedException extends IOException {

  private static final long serialVersionUID = 1L;

  ClientClosedException() {
    super("the client was closed while the call waited for its answer");
  }
}
