package dev.atlasendpoints.core;

import static dev.atlasendpoints.core.Fixtures.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpServer;
import dev.atlasendpoints.core.errors.AtlasApiException;
import dev.atlasendpoints.core.errors.AtlasMalformedResponseException;
import dev.atlasendpoints.generated.api.PrivateEndpointServicesApi;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Answers a real server may send that no client should trust: each yields a precise exception,
 * over a real socket from a local server that answers exactly what the test scripts.
 */
class MalformedResponsesTest {

  private HttpServer server;
  private volatile int status;
  private volatile String contentType;
  private volatile byte[] body;
  private volatile String location;
  private final List<String> authorizations = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      exchange.getRequestBody().readAllBytes();
      String authorization = exchange.getRequestHeaders().getFirst("Authorization");
      if (authorization == null) {
        exchange.getResponseHeaders().add("WWW-Authenticate",
            "Digest realm=\"MMS Public API\", nonce=\"abc\", algorithm=MD5, qop=\"auth\"");
        exchange.sendResponseHeaders(401, -1);
        exchange.close();
        return;
      }
      authorizations.add(authorization);
      exchange.getResponseHeaders().add("Content-Type", contentType);
      if (location != null) {
        exchange.getResponseHeaders().add("Location", location);
      }
      exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private AtlasMalformedResponseException callExpectingMalformed(int answerStatus, String answerType, String answer) {
    return catchThrowableOfType(AtlasMalformedResponseException.class, () -> call(answerStatus, answerType,
        answer.getBytes(StandardCharsets.UTF_8), HttpSettings.defaults()));
  }

  private void call(int answerStatus, String answerType, byte[] answer, HttpSettings settings) {
    status = answerStatus;
    contentType = answerType;
    body = answer;
    try (AtlasClient client = AtlasClient.builder().baseUrl("http://127.0.0.1:" + server.getAddress().getPort())
        .apiKey(Fixtures.PUBLIC_KEY, Fixtures.PRIVATE_KEY).httpSettings(settings).build()) {
      client.api(PrivateEndpointServicesApi.class)
          .createPrivateEndpointService(PROJECT, Fixtures.awsService("us-east-1"));
    }
  }

  @Test
  void invalidJson_isMalformed_andSaysAtlasMayHaveActed() {
    AtlasMalformedResponseException e = callExpectingMalformed(201, "application/vnd.atlas.2023-01-01+json", "{\"id\":");

    assertThat(e.getMessage()).contains("is not a valid EndpointService");
    assertThat(e.status()).isEqualTo(201);
    assertThat(e.requestMayHaveBeenProcessed()).isTrue();
  }

  @Test
  void aJsonArrayWhereAnObjectBelongs_isMalformed() {
    AtlasMalformedResponseException e = callExpectingMalformed(201, "application/json", "[1,2,3]");

    assertThat(e.getMessage()).contains("is not a valid EndpointService");
    assertThat(e.status()).isEqualTo(201);
    assertThat(e.requestMayHaveBeenProcessed()).isTrue();
  }

  @Test
  void htmlInsteadOfJson_isMalformed() {
    AtlasMalformedResponseException e = callExpectingMalformed(200, "text/html", "<html>proxy login</html>");

    assertThat(e.getMessage()).contains("not JSON").contains("text/html");
  }

  @Test
  void anEmptySuccessBody_isMalformed() {
    assertThat(callExpectingMalformed(201, "application/json", "").getMessage()).contains("no body");
  }

  @Test
  void anOversizedBody_isRefused_atTheConfiguredBound() {
    byte[] huge = ("{\"cloudProvider\":\"AWS\",\"errorMessage\":\"" + "x".repeat(8_000) + "\"}")
        .getBytes(StandardCharsets.UTF_8);

    AtlasMalformedResponseException e = catchThrowableOfType(AtlasMalformedResponseException.class,
        () -> call(201, "application/json", huge, HttpSettings.builder().maxResponseBytes(4096).build()));

    assertThat(e.getMessage()).contains("larger than the configured bound of 4096 bytes");
  }

  @Test
  void aNonJsonErrorBody_stillYieldsTheStatusType() {
    AtlasApiException e = catchThrowableOfType(AtlasApiException.class,
        () -> call(502, "text/html", "<html>Bad Gateway</html>".getBytes(StandardCharsets.UTF_8),
            HttpSettings.defaults()));

    assertThat(e.status()).isEqualTo(502);
    assertThat(e.errorCode()).isNull();
  }

  @Test
  void aRedirect_isNotFollowed_soCredentialsNeverTravelElsewhere() {
    location = "http://127.0.0.2:9/steal";

    AtlasApiException e = catchThrowableOfType(AtlasApiException.class,
        () -> call(302, "text/plain", new byte[0], HttpSettings.defaults()));

    assertThat(e.status()).isEqualTo(302);
    assertThat(authorizations).hasSize(1);
  }
}
