package dev.atlasendpoints.core.hostile;

import static dev.atlasendpoints.core.hostile.HostileAnswers.API_ERROR;
import static dev.atlasendpoints.core.hostile.HostileAnswers.ATLAS_JSON;
import static dev.atlasendpoints.core.hostile.HostileAnswers.HTML;
import static dev.atlasendpoints.core.hostile.HostileAnswers.JSON;
import static dev.atlasendpoints.core.hostile.HostileAnswers.answer;
import static dev.atlasendpoints.core.hostile.HostileAnswers.sends;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atlasendpoints.core.errors.AtlasApiException;
import dev.atlasendpoints.core.errors.AtlasAuthenticationException;
import dev.atlasendpoints.core.errors.AtlasBadRequestException;
import dev.atlasendpoints.core.errors.AtlasConflictException;
import dev.atlasendpoints.core.errors.AtlasForbiddenException;
import dev.atlasendpoints.core.errors.AtlasNotFoundException;
import dev.atlasendpoints.core.errors.AtlasRateLimitedException;
import dev.atlasendpoints.core.errors.AtlasServerException;
import dev.atlasendpoints.core.hostile.HostileCalls.Harness;
import java.io.IOException;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Error answers from a hostile server: Retry-After read without overflow, messages a person can
 * act on (never "null"), challenges that cannot loop, and redirects that are never followed.
 */
class HostileErrorAnswersTest {

  private Harness harness;

  @BeforeEach
  void start() throws IOException {
    harness = new Harness(Duration.ofSeconds(2));
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  private AtlasRateLimitedException rateLimited(String caseName, String retryAfter) {
    AtlasRateLimitedException e = harness.against(caseName, HostileAnswers.rateLimited(retryAfter))
        .threw(AtlasRateLimitedException.class);
    assertThat(e.status()).isEqualTo(429);
    return e;
  }

  @Test
  void anAbsurdRetryAfter_isKept_withoutOverflow() {
    assertThat(rateLimited("retry-after-absurd", "99999999999").retryAfter())
        .contains(Duration.ofSeconds(99_999_999_999L));
  }

  @Test
  void aValidRetryAfter_isRead() {
    assertThat(rateLimited("retry-after-120", "120").retryAfter()).contains(Duration.ofSeconds(120));
  }

  @ParameterizedTest
  @ValueSource(strings = {"soon", "-5", "1.5", "0x10", "Wed, 99 Foo 2025 25:61:61 GMT"})
  void aMalformedRetryAfter_isIgnored(String value) {
    assertThat(rateLimited("retry-after-malformed[" + value.replace(' ', '_') + "]", value).retryAfter()).isEmpty();
  }

  @Test
  void aRetryAfterBeyondAnyNumber_neverCrashes_andIsNeverShortened() {
    assertThat(rateLimited("retry-after-beyond-long", "9".repeat(30)).retryAfter()).satisfiesAnyOf(
        wait -> assertThat(wait).isEmpty(),
        wait -> assertThat(wait).hasValueSatisfying(d -> assertThat(d).isGreaterThan(Duration.ofDays(365_000))));
  }

  @Test
  void anHtml401_saysWhatToCheck_andNeverNull() {
    AtlasAuthenticationException e = harness.against("html-401",
        sends(answer("401 Unauthorized", "<html><body>Unauthorized</body></html>", HTML)))
        .threw(AtlasAuthenticationException.class);

    assertThat(e.status()).isEqualTo(401);
    assertThat(e.getMessage()).contains("401").contains("Unauthorized").contains("Check the API key")
        .doesNotContainIgnoringCase("null");
  }

  static Stream<Arguments> errorAnswers() {
    return Stream.of(
        Arguments.of("400 Bad Request", JSON, "{\"errorCode\":\"INVALID_PROVIDER\",\"detail\":\"No provider AWZ.\","
            + "\"reason\":\"Bad Request\"}", AtlasBadRequestException.class),
        Arguments.of("409 Conflict", ATLAS_JSON, API_ERROR, AtlasConflictException.class),
        Arguments.of("409 Conflict", JSON, "{\"errorCode\":null,\"detail\":null,\"reason\":null}",
            AtlasConflictException.class),
        Arguments.of("402 Payment Required", JSON, "[1,2,3]", AtlasApiException.class),
        Arguments.of("404 Not Found", JSON, "", AtlasNotFoundException.class),
        Arguments.of("403 Forbidden", JSON, "{\"detail\":", AtlasForbiddenException.class),
        Arguments.of("500 Internal Server Error", "Content-Type: text/plain", "oops", AtlasServerException.class),
        Arguments.of("503 Service Unavailable", HTML, "<html>maintenance</html>", AtlasServerException.class));
  }

  @ParameterizedTest
  @MethodSource("errorAnswers")
  void everyErrorAnswer_namesStatusReasonCodeAndDetail_neverNull(String statusLine, String contentType, String body,
      Class<? extends AtlasApiException> expected) {
    AtlasApiException e = harness.against("error-" + statusLine.substring(0, 3),
        sends(answer(statusLine, body, contentType))).threw(expected);

    assertThat(e.status()).isEqualTo(Integer.parseInt(statusLine.substring(0, 3)));
    assertThat(e.getMessage()).contains(statusLine).doesNotContainIgnoringCase("null");
    if (body.contains("\"errorCode\":\"")) {
      assertThat(e.errorCode()).isNotBlank();
      assertThat(body).contains("\"errorCode\":\"" + e.errorCode() + "\"").contains("\"detail\":\"" + e.detail() + "\"");
      assertThat(e.getMessage()).contains(e.errorCode()).contains(e.detail());
    }
  }

  static Stream<String> hostileChallenges() {
    return Stream.of("Digest", "Digest realm=", "Digest realm=\"x\", nonce=\"", "Digest ,,,===\"\"\\",
        "Digest realm=\"r\", nonce=\"n\", algorithm=ROT13", "Digest realm=\"r\", nonce=\"n\", qop=\"auth-int\"",
        "Basic realm=\"x\"", "Digest realm=\"MMS Public API\", nonce=\"abc\", qop=\"auth\", algorithm=MD5, stale=true",
        "Digest realm=\"" + "\\\"".repeat(20_000));
  }

  @ParameterizedTest
  @MethodSource("hostileChallenges")
  void aMalformedOrEndlessChallenge_endsTyped_afterAtMostThreeRequests(String challenge) {
    AtlasAuthenticationException e = harness.againstRaw("challenge[" + label(challenge) + "]",
        sends(answer("401 Unauthorized", "", "WWW-Authenticate: " + challenge)), null)
        .threw(AtlasAuthenticationException.class);

    assertThat(e.status()).isEqualTo(401);
    assertThat(harness.server.requests()).as("requests received").hasSizeBetween(1, 3);
  }

  private static String label(String challenge) {
    String compact = challenge.replaceAll("[\\s\"\\\\]", "");
    return challenge.length() > 60 ? compact.substring(0, Math.min(compact.length(), 30)) + "...("
        + challenge.length() + "chars)" : compact;
  }

  @Test
  void aRedirect_isAnApiError_andIsNotFollowed() {
    AtlasApiException e = harness.against("redirect-302",
        HostileAnswers.redirectTo(harness.server.baseUrl() + "/elsewhere")).threw(AtlasApiException.class);

    assertThat(e.status()).isEqualTo(302);
    assertThat(e.getMessage()).contains("302").doesNotContainIgnoringCase("null");
    assertThat(harness.server.requests()).noneMatch(r -> r.requestLine().contains("/elsewhere"));
  }
}
