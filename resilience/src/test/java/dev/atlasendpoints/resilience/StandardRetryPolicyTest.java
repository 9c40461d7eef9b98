package dev.atlasendpoints.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atlasendpoints.core.AtlasOperation;
import dev.atlasendpoints.core.errors.ApiErrorDetails;
import dev.atlasendpoints.core.errors.AtlasAmbiguousOutcomeException;
import dev.atlasendpoints.core.errors.AtlasApiException;
import dev.atlasendpoints.core.errors.AtlasConnectionException;
import dev.atlasendpoints.core.errors.AtlasInterruptedException;
import dev.atlasendpoints.core.errors.AtlasInvalidRequestException;
import dev.atlasendpoints.core.errors.AtlasMalformedResponseException;
import dev.atlasendpoints.core.errors.AtlasRateLimitedException;
import dev.atlasendpoints.core.errors.AtlasTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The SDK's retry rule as a table: every class of outcome, for a create and for a read, with no sockets. */
class StandardRetryPolicyTest {

  private static final AtlasOperation CREATE = new AtlasOperation("createPrivateEndpointService", "POST",
      "/api/atlas/v2/groups/{groupId}/privateEndpoint/endpointService", false, "application/vnd.atlas.2023-01-01+json");
  private static final AtlasOperation READ = new AtlasOperation("getPrivateEndpointService", "GET",
      "/api/atlas/v2/groups/{groupId}/privateEndpoint/{cloudProvider}/endpointService/{endpointServiceId}", false,
      "application/vnd.atlas.2023-01-01+json");
  private static final RetrySettings SETTINGS = RetrySettings.builder().maxAttempts(4)
      .initialBackoff(Duration.ofMillis(100)).maxBackoff(Duration.ofSeconds(1)).multiplier(2)
      .maxTotalWait(Duration.ofSeconds(30)).build();
  private static final RetryPolicy POLICY = StandardRetryPolicy.withJitterFrom(new Random(7));

  private static AttemptOutcome answered(int status) {
    return new AttemptOutcome.Answered(status, Optional.empty());
  }

  private static AttemptOutcome failed(RuntimeException error) {
    return new AttemptOutcome.Failed(error);
  }

  static Stream<Arguments> outcomes() {
    AtlasAmbiguousOutcomeException dropped = new AtlasAmbiguousOutcomeException("op", "dropped", null);
    AtlasTimeoutException timedOut = new AtlasTimeoutException("op", "timed out", null);
    return Stream.of(
        // outcome, operation, retried?, reason when retried
        Arguments.of("200", answered(200), CREATE, false, null),
        Arguments.of("201", answered(201), CREATE, false, null),
        Arguments.of("400", answered(400), CREATE, false, null),
        Arguments.of("401", answered(401), CREATE, false, null),
        Arguments.of("404", answered(404), READ, false, null),
        Arguments.of("409", answered(409), CREATE, false, null),
        Arguments.of("429 create", answered(429), CREATE, true, "429"),
        Arguments.of("429 read", answered(429), READ, true, "429"),
        Arguments.of("500 create", answered(500), CREATE, false, null),
        Arguments.of("503 create", answered(503), CREATE, false, null),
        Arguments.of("500 read", answered(500), READ, true, "500"),
        Arguments.of("503 read", answered(503), READ, true, "503"),
        Arguments.of("never sent, create", failed(new AtlasConnectionException("op", "refused", null)), CREATE, true,
            "AtlasConnectionException"),
        Arguments.of("dropped, create", failed(dropped), CREATE, false, null),
        Arguments.of("dropped, read", failed(dropped), READ, true, "AtlasAmbiguousOutcomeException"),
        Arguments.of("timeout, create", failed(timedOut), CREATE, false, null),
        Arguments.of("timeout, read", failed(timedOut), READ, true, "AtlasTimeoutException"),
        Arguments.of("malformed answer", failed(new AtlasMalformedResponseException("op", 200, "bad", null)), READ,
            false, null),
        Arguments.of("refused by validation", failed(new AtlasInvalidRequestException("op", List.of())), CREATE,
            false, null),
        Arguments.of("client-side throttle", failed(new AtlasClientThrottledException("op", Duration.ofSeconds(9),
            Duration.ofSeconds(1))), CREATE, false, null),
        Arguments.of("token endpoint 429 (API request not sent)", failed(tokenThrottled()), CREATE, true, "429"),
        Arguments.of("interrupted", failed(new AtlasInterruptedException("op", "waiting", false)), READ, false, null),
        Arguments.of("unexpected exception", failed(new IllegalStateException("bug")), READ, false, null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("outcomes")
  void eachOutcome_isRetriedOnlyWhenAtlasCannotHaveActed_orTheCallIsARead(String name, AttemptOutcome outcome,
      AtlasOperation operation, boolean retried, String reason) {
    RetryDecision decision = POLICY.decide(new RetryAttempt(operation, 1, outcome, Duration.ZERO), SETTINGS);

    if (retried) {
      assertThat(decision).isInstanceOfSatisfying(RetryDecision.Retry.class, retry -> {
        assertThat(retry.reason()).isEqualTo(reason);
        assertThat(retry.after()).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
      });
    } else {
      assertThat(decision).isInstanceOf(RetryDecision.Stop.class);
    }
  }

  @Test
  void replayingAmbiguousOutcomes_isAnOptIn_thatRetriesCreatesAfter5xxAndDrops() {
    RetrySettings replaying = SETTINGS.toBuilder().replayAmbiguousOutcomes(true).build();

    assertThat(POLICY.decide(new RetryAttempt(CREATE, 1, answered(503), Duration.ZERO), replaying))
        .isInstanceOf(RetryDecision.Retry.class);
    assertThat(POLICY.decide(new RetryAttempt(CREATE, 1,
        failed(new AtlasAmbiguousOutcomeException("op", "dropped", null)), Duration.ZERO), replaying))
        .isInstanceOf(RetryDecision.Retry.class);
    assertThat(POLICY.decide(new RetryAttempt(CREATE, 1, answered(400), Duration.ZERO), replaying))
        .isInstanceOf(RetryDecision.Stop.class);
  }

  @Test
  void aRetryAfter_isWaitedAtLeast_plusAtMostHalfABackoffOfJitter() {
    for (int i = 0; i < 100; i++) {
      RetryDecision decision = POLICY.decide(new RetryAttempt(CREATE, 1,
          new AttemptOutcome.Answered(429, Optional.of(Duration.ofSeconds(2))), Duration.ZERO), SETTINGS);

      assertThat(((RetryDecision.Retry) decision).after()).isBetween(Duration.ofSeconds(2), Duration.ofMillis(2050));
    }
  }

  @Test
  void theBackoff_growsByTheMultiplier_andIsCappedAtMaxBackoff() {
    Duration third = ((RetryDecision.Retry) POLICY.decide(new RetryAttempt(CREATE, 3, answered(429), Duration.ZERO),
        SETTINGS)).after();
    RetrySettings many = SETTINGS.toBuilder().maxAttempts(20).build();
    Duration tenth = ((RetryDecision.Retry) POLICY.decide(new RetryAttempt(CREATE, 10, answered(429), Duration.ZERO),
        many)).after();

    assertThat(third).isBetween(Duration.ofMillis(200), Duration.ofMillis(400)); // 100 ms × 2² = 400, half to all
    assertThat(tenth).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
  }

  @Test
  void theLastAttempt_isNeverFollowedByAnother() {
    RetryDecision decision = POLICY.decide(new RetryAttempt(CREATE, 4, answered(429), Duration.ZERO), SETTINGS);

    assertThat(decision).isInstanceOfSatisfying(RetryDecision.Stop.class,
        stop -> assertThat(stop.because()).contains("all 4 attempts"));
  }

  @Test
  void aWaitBeyondTheTotalAllowed_stopsAtOnce_insteadOfSleeping() {
    RetryDecision tooLong = POLICY.decide(new RetryAttempt(CREATE, 1,
        new AttemptOutcome.Answered(429, Optional.of(Duration.ofSeconds(31))), Duration.ZERO), SETTINGS);
    RetryDecision almostSpent = POLICY.decide(new RetryAttempt(CREATE, 2,
        new AttemptOutcome.Answered(429, Optional.of(Duration.ofSeconds(2))), Duration.ofSeconds(29)), SETTINGS);
    RetryDecision absurd = POLICY.decide(new RetryAttempt(CREATE, 1,
        new AttemptOutcome.Answered(429, Optional.of(Duration.ofSeconds(Long.MAX_VALUE / 2))), Duration.ZERO),
        SETTINGS);

    assertThat(List.of(tooLong, almostSpent, absurd)).allSatisfy(decision -> assertThat(decision)
        .isInstanceOfSatisfying(RetryDecision.Stop.class, stop -> assertThat(stop.because()).contains("maxTotalWait")));
  }

  @Test
  void aPolicyOfTheUsersOwn_replacesTheStandardOne() {
    RetryPolicy never = (attempt, settings) -> RetryDecision.stop("the caller retries itself");
    RetrySettings custom = SETTINGS.toBuilder().policy(never).build();

    assertThat(custom.policy().decide(new RetryAttempt(CREATE, 1, answered(429), Duration.ZERO), custom))
        .isEqualTo(new RetryDecision.Stop("the caller retries itself"));
    assertThat(custom.toBuilder().maxAttempts(9).build().policy()).isSameAs(never);
  }

  private static AtlasRateLimitedException tokenThrottled() {
    return (AtlasRateLimitedException) AtlasApiException.of(new ApiErrorDetails("serviceAccountToken", 429,
        "RATE_LIMITED", "Too many token requests", "Too Many Requests", List.of(), List.of(),
        Optional.empty()));
  }
}
