package dev.atlasendpoints.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * handshake done by hand so each test controls every directive. Built with a key, it also sends
 * signed requests in one call, with the media type of the path's version.
 */
final class TestClient {

  static final String PROJECT = "32b6e34b3d91647abb20e7b8";
  static final String V2 = Operation.V2_MEDIA_TYPE;
  static final String JSON = "application/json";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;
  private final AtomicLong cnonces = new AtomicLong();
  private final String user;
  private final String password;

  TestClient(AtlasSimulator simulator) {
    this(simulator, null, null);
  }

  /** A client that signs {@link #get(String)} and {@link #post(String, String)} with this API key. */
  TestClient(AtlasSimulator simulator, String user, String password) {
    this.base = simulator.baseUri();
    this.user = user;
    this.password = password;
  }

  /** A POST with exactly the given Authorization header (none when null). */
  HttpResponse<String> post(String target, String mediaType, String body, String authorization)
      throws IOException, InterruptedException {
    return send("POST", target, mediaType, body, authorization);
  }

  /** A GET with exactly the given Authorization header (none when null). */
  HttpResponse<String> get(String target, String mediaType, String authorization)
      throws IOException, InterruptedException {
    return send("GET", target, mediaType, null, authorization);
  }

  /** Asks for a challenge, then answers it: the second response is returned. */
  HttpResponse<String> postWithDigest(String target, String mediaType, String body, String user, String password)
      throws IOException, InterruptedException {
    return sendWithDigest("POST", target, mediaType, body, user, password);
  }

  /** A POST signed with this client's key, in the media type of the path's version. */
  HttpResponse<String> post(String target, String body) throws IOException, InterruptedException {
    return sendWithDigest("POST", target, mediaTypeOf(target), body, user, password);
  }

  /** A GET signed with this client's key, in the media type of the path's version. */
  HttpResponse<String> get(String target) throws IOException, InterruptedException {
    return sendWithDigest("GET", target, mediaTypeOf(target), null, user, password);
  }

  /** The body of an answer, parsed. */
  static JsonNode json(HttpResponse<String> response) throws IOException {
    return MAPPER.readTree(response.body());
  }

  /** The media type of the path's version: versioned on v2, plain JSON on v1.0. */
  static String mediaTypeOf(String target) {
    return target.startsWith("/api/atlas/v2/") ? V2 : JSON;
  }

  /** Sends {@code method} with a body (none when null) and exactly the given Authorization header. */
  private HttpResponse<String> send(String method, String target, String mediaType, String body,
      String authorization) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(target))
        .timeout(Duration.ofSeconds(10))
        .header("Accept", mediaType)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", mediaType);
    }
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> sendWithDigest(String method, String target, String mediaType, String body,
      String user, String password) throws IOException, InterruptedException {
    HttpResponse<String> challenge = send(method, target, mediaType, body, null);
    if (challenge.statusCode() != 401) {
      throw new AssertionError("expected a challenge, got " + challenge.statusCode());
    }
    String header = challenge.headers().firstValue("WWW-Authenticate").orElseThrow();
    return send(method, target, mediaType, body, digest(header, user, password, method, target, 1));
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
