package dev.atlasendpoints.core.internal;

import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;

/**
 * The default transport: the JDK's {@link HttpClient} with one deadline per exchange, headers and
 * body together, and a bound on the body read into memory.
 *
 * <p>Written here rather than taken from feign-java11 because of what that client leaves open: it
 * hands the body over as a stream, and the JDK's request timeout stops once the headers are in, so
 * a server that stalls or drips its body holds the caller forever. Here the whole answer arrives
 * within {@code readTimeout} or the exchange is cancelled, which also closes its connection so it
 * is never reused.
 *
 * <p>The exchange runs with {@code send} on the caller's thread: the request's own timeout covers
 * connecting, sending and the headers, and the {@link CallWatchdog} bounds the whole exchange (a body
 * that stalls or drips, the JDK's own resend of an idempotent request, a client closed while the
 * call waits) by interrupting {@code send}, which cancels the exchange and closes its connection.
 * ({@code sendAsync(...).get(timeout)} would bound it too, but the JDK completes a {@code sendAsync}
 * future on {@code CompletableFuture}'s default pool, which on a machine with two cores starts a new
 * thread for every exchange: that doubled the latency of a call.)
 */
record JdkTransport(HttpClient http, long maxBodyBytes, CallWatchdog watchdog) implements Client {

  /** Headers the JDK client sets itself and refuses from callers. */
  private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

  @Override
  public Response execute(Request request, Request.Options options) throws IOException {
    long deadlineMillis = options.readTimeoutMillis();
    HttpRequest jdkRequest = toJdk(request, deadlineMillis);
    CallWatchdog.Watch watch = watchdog.start(deadlineMillis);
    BoundedBodyHandler body = new BoundedBodyHandler(maxBodyBytes);
    HttpResponse<Void> answer = null;
    Exception failed = null;
    CallWatchdog.Ending ending;
    try {
      answer = http.send(jdkRequest, body);
    } catch (RejectedExecutionException | InterruptedException | IOException e) {
      failed = e;
    } catch (IllegalArgumentException malformed) {
      // The JDK throws this, unchecked, for framing it cannot parse (a Content-Length that is not a
      // number, or overflows): the answer is malformed, not the request (checked by toJdk already).
      failed = new java.net.ProtocolException("the answer's framing is malformed");
    } finally {
      ending = watch.finish();
    }
    if (failed != null) { // an answer that came in time is the answer, even if the watchdog fired meanwhile
      throw whyItFailed(ending, failed);
    }
    return Response.builder()
        .request(request)
        .protocolVersion(answer.version() == HttpClient.Version.HTTP_2
            ? Request.ProtocolVersion.HTTP_2 : Request.ProtocolVersion.HTTP_1_1)
        .status(answer.statusCode())
        .headers(headers(answer))
        .body(body.body())
        .build();
  }

  /** What {@code send} threw, unless the watchdog ended the call: then that is why it failed. */
  private static IOException whyItFailed(CallWatchdog.Ending ending, Exception failed) {
    switch (ending) {
      case TIMED_OUT:
        return new HttpTimeoutException("no complete answer within the read timeout");
      case CLIENT_CLOSED:
        return new ClientClosedException();
      default:
        break;
    }
    if (failed instanceof RejectedExecutionException) {
      return new RequestNotSentException("the client is closed");
    }
    if (failed instanceof InterruptedException) {
      Thread.currentThread().interrupt(); // the caller's own interrupt; the JDK has cancelled the exchange
      return new InterruptedIOException("interrupted while waiting for the answer");
    }
    return asIOException((IOException) failed);
  }

  private static HttpRequest toJdk(Request request, long deadlineMillis) throws IOException {
    HttpRequest.Builder builder;
    try {
      builder = HttpRequest.newBuilder(new URI(request.url()));
    } catch (java.net.URISyntaxException | IllegalArgumentException e) {
      throw new RequestNotSentException("the request URL is not valid");
    }
    builder.timeout(Duration.ofMillis(deadlineMillis));
    byte[] body = request.body();
    builder.method(request.httpMethod().name(), body == null || body.length == 0
        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    for (Map.Entry<String, Collection<String>> header : request.headers().entrySet()) {
      if (!RESTRICTED.contains(header.getKey().toLowerCase(Locale.ROOT))) {
        for (String value : header.getValue()) {
          try {
            builder.header(header.getKey(), value);
          } catch (IllegalArgumentException invalid) {
            // The JDK's message repeats the value, which may be a credential: name the header only.
            throw new RequestNotSentException("the header " + header.getKey() + " holds characters HTTP cannot carry");
          }
        }
      }
    }
    return builder.build();
  }

  /**
   * The answer's headers as Feign takes them. Feign makes its own case-insensitive copy, so the JDK's
   * map (immutable already) is handed over as it is; only HTTP/2's pseudo-headers are left out.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Map<String, Collection<String>> headers(HttpResponse<?> answer) {
    if (answer.version() != HttpClient.Version.HTTP_2) {
      return (Map) answer.headers().map();
    }
    Map<String, Collection<String>> headers = new LinkedHashMap<>();
    answer.headers().map().forEach((name, values) -> {
      if (!name.startsWith(":")) { // HTTP/2 pseudo-headers such as :status
        headers.put(name, List.copyOf(values));
      }
    });
    return headers;
  }

  /**
   * What actually failed: {@code send} re-wraps most failures of the exchange in a plain
   * {@code IOException} (a {@code ProtocolException}, our {@link ResponseTooLargeException}), and
   * the type is what tells a malformed answer from a lost connection.
   */
  private static IOException asIOException(IOException thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof ResponseTooLargeException tooLarge) {
        return tooLarge;
      }
    }
    return thrown.getClass() == IOException.class && thrown.getCause() instanceof IOException cause ? cause : thrown;
  }
}
