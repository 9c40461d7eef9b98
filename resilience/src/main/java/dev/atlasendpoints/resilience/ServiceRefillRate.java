package dev.atlasendpoints.resilience;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * Reads the refill rate Atlas states in a {@code RATE_LIMITED_TOKEN_BUCKET} answer: its
 * {@code parameters} are [endpoint set, wait seconds, capacity, refill rate, refill seconds]. The
 * body is buffered by Feign's response, so reading it here leaves it readable for the caller.
 */
final class ServiceRefillRate {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  static final int MAX_BYTES = 64 * 1024;

  private ServiceRefillRate() {}

  static Optional<RateLimitSettings.Limit> of(byte[] body) {
    try {
      JsonNode parameters = MAPPER.readTree(body).path("parameters");
      if (parameters.size() == 5 && parameters.get(3).canConvertToInt() && parameters.get(4).canConvertToInt()
          && parameters.get(3).asInt() > 0 && parameters.get(4).asInt() > 0) {
        // Atlas refills continuously, so pace one request per refill interval instead of bursting.
        Duration interval = Duration.ofSeconds(parameters.get(4).asInt()).dividedBy(parameters.get(3).asInt());
        return Optional.of(new RateLimitSettings.Limit(1, interval.isZero() ? Duration.ofNanos(1) : interval));
      }
    } catch (IOException | RuntimeException unreadable) {
      // not the documented shape: keep the configured bucket
    }
    return Optional.empty();
  }
}
