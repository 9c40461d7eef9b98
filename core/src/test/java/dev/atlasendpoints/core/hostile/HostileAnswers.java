package dev.atlasendpoints.core.hostile;

import dev.atlasendpoints.core.hostile.ScriptedServer.Script;

/** The answers hostile servers send to an authorized request, shared by the tests of this package. */
final class HostileAnswers {

  static final String JSON = "Content-Type: application/json";
  static final String ATLAS_JSON = "Content-Type: application/vnd.atlas.2023-01-01+json";
  static final String HTML = "Content-Type: text/html";
  static final String SERVICE =
      "{\"cloudProvider\":\"AWS\",\"id\":\"65a1f2e3d4c5b6a798100001\",\"regionName\":\"us-east-1\",\"status\":\"INITIATING\"}";
  static final String API_ERROR = "{\"error\":409,\"errorCode\":\"PRIVATE_ENDPOINT_SERVICE_ALREADY_EXISTS_FOR_REGION\","
      + "\"detail\":\"A private endpoint service already exists in us-east-1.\",\"reason\":\"Conflict\"}";
  static final int OVERSIZE = 5 << 20;

  private HostileAnswers() {}

  /** A whole answer with an honest {@code Content-Length}; {@code status} such as {@code "201 Created"}. */
  static String answer(String status, String body, String... headers) {
    StringBuilder text = new StringBuilder("HTTP/1.1 ").append(status).append("\r\n");
    for (String header : headers) {
      text.append(header).append("\r\n");
    }
    return text.append("Content-Length: ").append(body.length()).append("\r\n\r\n").append(body).toString();
  }

  /** Sends exactly {@code text}, keeping the connection open. */
  static Script sends(String text) {
    return (request, wire) -> wire.send(text);
  }

  static Script created() {
    return sends(answer("201 Created", SERVICE, ATLAS_JSON));
  }

  static Script rateLimited(String retryAfter) {
    return sends(answer("429 Too Many Requests", "", JSON, "Retry-After: " + retryAfter));
  }

  static Script envelopeWithStatus(int status) {
    return sends(answer("200 OK", "{\"status\":" + status + ",\"content\":" + SERVICE + "}", JSON));
  }

  static Script redirectTo(String location) {
    return sends(answer("302 Found", "", "Location: " + location));
  }

  /** Declares {@value #OVERSIZE} bytes and sends them, 16 KiB at a time. */
  static Script oversizedDeclared() {
    return (request, wire) -> {
      wire.send("HTTP/1.1 201 Created\r\n" + JSON + "\r\nContent-Length: " + OVERSIZE + "\r\n\r\n");
      String piece = "x".repeat(16 * 1024);
      for (int sent = 0; sent < OVERSIZE; sent += piece.length()) {
        wire.send(piece);
      }
    };
  }

  /** Streams {@value #OVERSIZE} bytes in 16 KiB chunks without declaring a length. */
  static Script oversizedChunked() {
    return (request, wire) -> {
      wire.send("HTTP/1.1 201 Created\r\n" + JSON + "\r\nTransfer-Encoding: chunked\r\n\r\n");
      String chunk = "4000\r\n" + "x".repeat(16 * 1024) + "\r\n";
      for (int sent = 0; sent < OVERSIZE; sent += 16 * 1024) {
        wire.send(chunk);
      }
      wire.send("0\r\n\r\n");
    };
  }

  /**
   * {@link #SERVICE} with an {@code errorMessage} of {@code message}, chunked in {@code chunkBytes}
   * pieces, each sent on its own after a short pause, so that the client reads it in many parts.
   */
  static Script chunkedInParts(String message, int chunkBytes) {
    String body = "{\"cloudProvider\":\"AWS\",\"errorMessage\":\"" + message + "\",\"id\":\"65a1f2e3d4c5b6a798100001\","
        + "\"regionName\":\"us-east-1\",\"status\":\"INITIATING\"}";
    return (request, wire) -> {
      wire.send("HTTP/1.1 201 Created\r\n" + JSON + "\r\nTransfer-Encoding: chunked\r\n\r\n");
      for (int from = 0; from < body.length(); from += chunkBytes) {
        String piece = body.substring(from, Math.min(body.length(), from + chunkBytes));
        wire.send(Integer.toHexString(piece.length()) + "\r\n" + piece + "\r\n").pause(5);
      }
      wire.send("0\r\n\r\n");
    };
  }

  /** Declares {@code declared} bytes, sends {@code sent}, then hangs up. */
  static Script cutShort(int declared, int sent) {
    return (request, wire) -> {
      wire.send("HTTP/1.1 201 Created\r\n" + JSON + "\r\nContent-Length: " + declared + "\r\n\r\n" + "x".repeat(sent));
      wire.hangUp();
    };
  }
}
