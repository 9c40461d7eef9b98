package dev.atlasendpoints.core.hostile;

import feign.Client;
import feign.Request;
import feign.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.InterruptedIOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A transport over the JDK's HTTP client whose answer bodies count themselves: one more open body
 * when an answer is handed over, one fewer when that body (or a stream of it) is first closed.
 */
final class CountingTransport implements Client {

  private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(2)).build();
  private final AtomicInteger open = new AtomicInteger();
  private final AtomicInteger handedOver = new AtomicInteger();

  int openBodies() {
    return open.get();
  }

  int bodiesHandedOver() {
    return handedOver.get();
  }

  @Override
  public Response execute(Request request, Request.Options options) throws IOException {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(request.url()))
        .timeout(Duration.ofMillis(options.readTimeoutMillis()));
    byte[] body = request.body();
    builder.method(request.httpMethod().name(), body == null || body.length == 0
        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    request.headers().forEach((name, values) -> {
      if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
        values.forEach(value -> builder.header(name, value));
      }
    });
    HttpResponse<byte[]> answer;
    try {
      answer = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted");
    }
    Map<String, Collection<String>> headers = new LinkedHashMap<>();
    answer.headers().map().forEach((name, values) -> headers.put(name, List.copyOf(values)));
    return Response.builder().request(request).status(answer.statusCode()).headers(headers)
        .body(new CountedBody(answer.body())).build();
  }

  private final class CountedBody implements Response.Body {
    private final byte[] bytes;
    private final AtomicBoolean closed = new AtomicBoolean();

    CountedBody(byte[] bytes) {
      this.bytes = bytes;
      handedOver.incrementAndGet();
      open.incrementAndGet();
    }

    @Override
    public Integer length() {
      return bytes.length;
    }

    @Override
    public boolean isRepeatable() {
      return false;
    }

    @Override
    public InputStream asInputStream() {
      return new ByteArrayInputStream(bytes) {
        @Override
        public void close() {
          CountedBody.this.close();
        }
      };
    }

    @Override
    public Reader asReader(Charset charset) {
      return new InputStreamReader(asInputStream(), charset);
    }

    @Override
    public void close() {
      if (closed.compareAndSet(false, true)) {
        open.decrementAndGet();
      }
    }
  }
}
