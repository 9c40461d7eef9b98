package dev.atlasendpoints.core.internal;

import dev.atlasendpoints.core.errors.AtlasAmbiguousOutcomeException;
import dev.atlasendpoints.core.errors.AtlasConnectionException;
import dev.atlasendpoints.core.errors.AtlasInterruptedException;
import dev.atlasendpoints.core.errors.AtlasMalformedResponseException;
import dev.atlasendpoints.core.errors.AtlasTimeoutException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;

/** Maps a transport's {@code IOException} onto the SDK's exceptions. */
public final class TransportErrors {

  private TransportErrors() {}

  /** Which IOExceptions prove the request never left, and which leave the outcome open. */
  public static RuntimeException translate(String operationId, IOException e) {
    String name = operationId == null ? "the request" : operationId;
    if (e instanceof RequestNotSentException) {
      return new AtlasConnectionException(operationId, name + ": not sent: " + e.getMessage(), e);
    }
    if (e instanceof HttpConnectTimeoutException) {
      return new AtlasConnectionException(operationId, name + ": connecting to Atlas timed out", e);
    }
    if (e instanceof ConnectException || e instanceof UnknownHostException || e instanceof NoRouteToHostException) {
      return new AtlasConnectionException(operationId, name + ": could not connect to Atlas (" + e.getClass()
          .getSimpleName() + ")", e);
    }
    if (e instanceof HttpTimeoutException || e instanceof java.net.SocketTimeoutException) {
      return new AtlasTimeoutException(operationId, name + ": no complete answer within the read timeout; Atlas "
          + "may have acted on the request", e);
    }
    if (e instanceof ResponseTooLargeException tooLarge) {
      return new AtlasMalformedResponseException(operationId, tooLarge.status(), tooLarge.getMessage(), null);
    }
    if (e instanceof java.net.ProtocolException) {
      // The JDK refuses what is not HTTP (a status line such as "HTTP/1.1 099", headers beyond its
      // bound): an answer came, so the request was sent, but none that can be read.
      return new AtlasMalformedResponseException(operationId, AtlasMalformedResponseException.NO_STATUS,
          name + ": the answer is not valid HTTP (" + e.getMessage() + "); Atlas may have acted on the request", e);
    }
    if (e instanceof ClientClosedException) {
      return new AtlasAmbiguousOutcomeException(operationId, name + ": " + e.getMessage() + "; Atlas may have acted on "
          + "the request", e);
    }
    if (e instanceof InterruptedIOException) {
      Thread.currentThread().interrupt(); // whoever threw it may have cleared the flag
      return new AtlasInterruptedException(operationId, "waiting for Atlas's answer; Atlas may have acted on the "
          + "request", true);
    }
    return new AtlasAmbiguousOutcomeException(operationId, name + ": the connection failed after the request was "
        + "sent (" + e.getClass().getSimpleName() + "); Atlas may have acted on it", e);
  }

}
