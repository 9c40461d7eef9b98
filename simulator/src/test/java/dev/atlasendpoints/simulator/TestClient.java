package dev.atlasendpoints.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A plain JDK HTTP client for the simulator's tests: raw requests, and the two-step digest
 * handshake done by hand so each test controls every directive.
 */
final class TestClient {

  static final String PROJECT = "32b6e34b3d91647abb20e7b8";
  static final String V2 = Operation.V2_MEDIA_TYPE;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;
  private final AtomicLong cnonces = new AtomicLong();

  TestClient(AtlasSimulator simulator) {
    this.base = simulator.baseUri();
  }

  /** A POST with exactly the given Authorization header (none when null). */
  HttpResponse<String> post(String target, String mediaType, String body, String authorization)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(target))
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", mediaType)
        .header("Accept", mediaType)
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Asks for a challenge, then answers it: the second response is returned. */
  HttpResponse<String> postWithDigest(String target, String mediaType, String body, String user, String password)
      throws IOException, InterruptedException {
    HttpResponse<String> challenge = post(target, mediaType, body, null);
    if (challenge.statusCode() != 401) {
      throw new AssertionError("expected a challenge, got " + challenge.statusCode());
    }
    String header = challenge.headers().firstValue("WWW-Authenticate").orElseThrow();
    return post(target, mediaType, body, digest(header, user, password, "POST", target, 1));
  }

  /** The Authorization header answering {@code challenge} with nonce count {@code nc}. */
  String digest(String challenge, String user, String password, String method, String uri, long nc) {
    DigestCredentials parsed = DigestCredentials.parse(challenge).orElseThrow();
    DigestAlgorithm algorithm = DigestAlgorithm.fromToken(parsed.get("algorithm")).orElseThrow();
    String ncText = String.format("%08x", nc);
    String cnonce = "cnonce" + cnonces.incrementAndGet();
    String response = DigestAuthenticator.requestDigest(algorithm, user, parsed.get("realm"), password, method, uri,
        parsed.get("nonce"), ncText, cnonce);
    return "Digest username=\"" + user + "\", realm=\"" + parsed.get("realm") + "\", nonce=\"" + parsed.get("nonce")
        + "\", uri=\"" + uri + "\", algorithm=" + algorithm.token() + ", qop=auth, nc=" + ncText + ", cnonce=\""
        + cnonce + "\", response=\"" + response + "\"";
  }

  static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
  }

  URI base() {
    return base;
  }

  HttpClient http() {
    return http;
  }
}
