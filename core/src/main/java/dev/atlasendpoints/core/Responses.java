package dev.atlasendpoints.core;

import dev.atlasendpoints.core.errors.AtlasMalformedResponseException;
import feign.Response;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What layers need of a Feign response: headers looked up whatever their case (HTTP/2 lower-cases
 * names), {@code Retry-After} read safely, bodies read within a bound, and answers discarded so
 * that their connection can be reused.
 */
public final class Responses {

  private Responses() {}

  /** The first value of a header, its name matched case-insensitively. */
  public static Optional<String> header(Map<String, Collection<String>> headers, String name) {
    // Feign's headers are case-insensitive maps, so a lookup usually finds it without a scan; a
    // loop, not a stream, otherwise: this runs several times per call on the hot path.
    Collection<String> direct = headers.get(name);
    if (direct != null && !direct.isEmpty()) {
      return Optional.ofNullable(direct.iterator().next());
    }
    for (Map.Entry<String, Collection<String>> entry : headers.entrySet()) {
      if (entry.getKey() != null && entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty()) {
        return Optional.ofNullable(entry.getValue().iterator().next());
      }
    }
    return Optional.empty();
  }

  /** Every value of a header, its name matched case-insensitively. */
  public static List<String> headers(Map<String, Collection<String>> headers, String name) {
    return headers.entrySet().stream()
        .filter(e -> e.getKey() != null && e.getKey().equalsIgnoreCase(name))
        .flatMap(e -> e.getValue().stream())
        .toList();
  }

  /**
   * The wait an answer's {@code Retry-After} asks for (RFC 9110, section 10.2.3: delta-seconds or
   * an HTTP-date), never negative; empty when the header is absent or malformed.
   *
   * @param clock the clock an HTTP-date is measured against
   */
  public static Optional<Duration> retryAfter(Response response, Clock clock) {
    return parseRetryAfter(header(response.headers(), "Retry-After").orElse(null), clock);
  }

  /** {@link #retryAfter(Response, Clock)} of a header value, which may be {@code null}. */
  public static Optional<Duration> parseRetryAfter(String value, Clock clock) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String text = value.trim();
    if (text.chars().allMatch(Character::isDigit)) {
      try {
        return Optional.of(Duration.ofSeconds(Long.parseLong(text)));
      } catch (NumberFormatException tooLarge) {
        return Optional.empty();
      }
    }
    try {
      ZonedDateTime at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration wait = Duration.between(clock.instant(), at.toInstant());
      return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    } catch (DateTimeParseException malformed) {
      return Optional.empty();
    }
  }

  /**
   * Reads the whole body, refusing more than {@code maxBytes}.
   *
   * @param operationId named in the exception when the body is too large or unreadable
   * @return the bytes; empty when there is no body
   * @throws AtlasMalformedResponseException when the body is larger than the bound or unreadable
   */
  public static byte[] readBody(Response response, long maxBytes, String operationId) {
    if (response.body() == null) {
      return new byte[0];
    }
    Integer declared = response.body().length();
    if (declared != null && declared > maxBytes) {
      throw tooLarge(response, maxBytes, operationId);
    }
    try (InputStream in = response.body().asInputStream()) {
      // With a declared length, read exactly that (one right-sized array); else up to the bound.
      byte[] bytes = declared != null && declared >= 0
          ? in.readNBytes(declared)
          : in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      if (bytes.length > maxBytes) {
        throw tooLarge(response, maxBytes, operationId);
      }
      return bytes;
    } catch (IOException e) {
      throw new AtlasMalformedResponseException(operationId, response.status(), "the answer could not be read", e);
    }
  }

  /** Closes a response that will not be used, so that its connection can be reused. */
  public static void discard(Response response) {
    try {
      response.close();
    } catch (RuntimeException ignored) {
      // nothing more to release
    }
  }

  private static AtlasMalformedResponseException tooLarge(Response response, long maxBytes, String operationId) {
    return new AtlasMalformedResponseException(operationId, response.status(),
        "the answer is larger than the configured bound of " + maxBytes + " bytes", null);
  }
}
