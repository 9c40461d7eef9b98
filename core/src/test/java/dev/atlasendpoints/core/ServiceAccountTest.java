package dev.atlasendpoints.core;

import static dev.atlasendpoints.core.Fixtures.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.atlasendpoints.core.errors.AtlasAuthenticationException;
import dev.atlasendpoints.core.errors.AtlasForbiddenException;
import dev.atlasendpoints.core.errors.AtlasRateLimitedException;
import dev.atlasendpoints.generated.api.ServerlessPrivateEndpointsApi;
import dev.atlasendpoints.generated.model.ServerlessTenantCreateRequest;
import dev.atlasendpoints.simulator.AtlasSimulator;
import dev.atlasendpoints.simulator.ManualClock;
import dev.atlasendpoints.simulator.RateLimit;
import dev.atlasendpoints.simulator.ServiceAccount;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Service-account authentication: one shared token, refreshed once, replaced when rejected. */
@SuppressWarnings("deprecation")
class ServiceAccountTest {

  private static final String CLIENT_ID = "mdb_sa_id_0123";
  private static final String SECRET = "mdb_sa_sk_s3cr3t-value";

  @RegisterExtension
  final SimulatedAtlas atlas = new SimulatedAtlas();

  private ServerlessPrivateEndpointsApi start(AtlasSimulator.Builder simulatorBuilder, String secret, Clock clientClock) {
    return atlas.start(simulatorBuilder.serviceAccount(ServiceAccount.of(CLIENT_ID, SECRET))
        .rateLimit(RateLimit.unlimited()), AtlasClient.builder().serviceAccount(CLIENT_ID, secret).clock(clientClock),
        ServerlessPrivateEndpointsApi.class);
  }

  private static void create(ServerlessPrivateEndpointsApi api) {
    api.createServerlessPrivateEndpoint(PROJECT, "instance-1", new ServerlessTenantCreateRequest());
  }

  @Test
  void everyCall_sharesOneToken_andPaysOneExchange() {
    ServerlessPrivateEndpointsApi api = start(AtlasSimulator.builder(), SECRET, Clock.systemUTC());

    for (int i = 0; i < 50; i++) {
      create(api);
    }

    assertThat(atlas.simulator().counters().tokensIssued()).isEqualTo(1);
    assertThat(atlas.simulator().counters().challenges()).isZero();
    assertThat(atlas.simulator().counters().requests()).isEqualTo(51);
  }

  @Test
  void nearExpiry_oneCallerRefreshes_whileTheOthersKeepGoing() throws Exception {
    ManualClock clock = new ManualClock();
    ServerlessPrivateEndpointsApi api = start(AtlasSimulator.builder().clock(clock)
        .tokenLifetime(Duration.ofSeconds(100)), SECRET, clock);
    create(api);
    clock.advance(Duration.ofSeconds(95)); // inside the refresh margin, still valid

    DigestAuthenticationTest.runConcurrently(16, 20, () -> create(api));

    assertThat(atlas.simulator().counters().creates()).isEqualTo(1 + 16 * 20);
    assertThat(atlas.simulator().counters().tokensIssued()).isEqualTo(2);
    assertThat(atlas.simulator().activeTokens(CLIENT_ID)).as("the superseded token is revoked").isEqualTo(1);
  }

  @Test
  void afterExpiry_allCallersWaitForOneNewToken() throws Exception {
    ManualClock clock = new ManualClock();
    ServerlessPrivateEndpointsApi api = start(AtlasSimulator.builder().clock(clock)
        .tokenLifetime(Duration.ofSeconds(100)), SECRET, clock);
    create(api);
    clock.advance(Duration.ofSeconds(150));

    DigestAuthenticationTest.runConcurrently(16, 5, () -> create(api));

    assertThat(atlas.simulator().counters().tokensIssued()).isEqualTo(2);
    assertThat(atlas.simulator().counters().creates()).isEqualTo(81);
  }

  @Test
  void aTokenAtlasRejects_isReplacedOnce_andTheCallSucceeds() {
    ManualClock serverClock = new ManualClock();
    ServerlessPrivateEndpointsApi api = start(AtlasSimulator.builder().clock(serverClock), SECRET, Clock.systemUTC());
    create(api);
    serverClock.advance(Duration.ofHours(2)); // the server expires the token; the client still trusts it

    create(api);

    assertThat(atlas.simulator().counters().tokensIssued()).isEqualTo(2);
    assertThat(atlas.simulator().counters().creates()).isEqualTo(2);
  }

  @Test
  void theTokenLimit_isAClearForbiddenError() {
    ServerlessPrivateEndpointsApi api = start(AtlasSimulator.builder().maxActiveTokens(0), SECRET, Clock.systemUTC());

    AtlasForbiddenException e = catchThrowableOfType(AtlasForbiddenException.class, () -> create(api));

    assertThat(e.operationId()).isEqualTo("serviceAccountToken");
    assertThat(e.errorCode()).isEqualTo("MAX_ACTIVE_TOKENS_REACHED");
    assertThat(atlas.simulator().inventory().resources()).isEmpty();
  }

  @Test
  void aThrottledTokenEndpoint_isRateLimited_withRetryAfter() {
    ServerlessPrivateEndpointsApi api = start(AtlasSimulator.builder().tokenRequestLimit(new RateLimit(1, 1, 60)),
        SECRET, Clock.systemUTC());
    create(api);
    ServerlessPrivateEndpointsApi second = atlas.connect(AtlasClient.builder() // closing the first revokes its token
        .baseUrl(atlas.simulator().baseUri().toString()).serviceAccount(CLIENT_ID, SECRET),
        ServerlessPrivateEndpointsApi.class);

    AtlasRateLimitedException e = catchThrowableOfType(AtlasRateLimitedException.class, () -> create(second));

    assertThat(e.retryAfter()).isPresent();
  }

  @Test
  void aWrongSecret_isAnAuthenticationError_thatDoesNotPrintIt() {
    ServerlessPrivateEndpointsApi api = start(AtlasSimulator.builder(), "wrong-secret-value", Clock.systemUTC());

    AtlasAuthenticationException e = catchThrowableOfType(AtlasAuthenticationException.class, () -> create(api));

    assertThat(e.getMessage()).doesNotContain("wrong-secret-value").doesNotContain(SECRET);
    assertThat(atlas.simulator().requests()).noneMatch(r -> r.toString().contains("wrong-secret-value"));
  }

  @Test
  void closingTheClient_revokesItsToken() {
    ServerlessPrivateEndpointsApi api = start(AtlasSimulator.builder(), SECRET, Clock.systemUTC());
    create(api);
    assertThat(atlas.simulator().activeTokens(CLIENT_ID)).isEqualTo(1);

    atlas.client().close();

    assertThat(atlas.simulator().activeTokens(CLIENT_ID)).isZero();
  }

  @Test
  void aValidTokenWithoutRightsOnTheProject_endsTyped_andLeavesAtMostTwoLiveTokens() {
    String otherProject = "aaaaaaaaaaaaaaaaaaaaaaaa";
    ServerlessPrivateEndpointsApi api = atlas.start(AtlasSimulator.builder().accessDeniedStatus(401)
            .serviceAccount(new ServiceAccount(CLIENT_ID, SECRET, java.util.Set.of(otherProject)))
            .rateLimit(RateLimit.unlimited()),
        AtlasClient.builder().serviceAccount(CLIENT_ID, SECRET), ServerlessPrivateEndpointsApi.class);

    for (int i = 0; i < 200; i++) {
      AtlasAuthenticationException e = catchThrowableOfType(AtlasAuthenticationException.class, () -> create(api));
      assertThat(e.errorCode()).isEqualTo("UNAUTHORIZED");
      assertThat(e.getMessage()).contains("not authorized to perform this action").contains("Check the API key")
          .doesNotContain("null").doesNotContain(SECRET);
    }

    assertThat(atlas.simulator().activeTokens(CLIENT_ID)).isLessThanOrEqualTo(2);
    assertThat(atlas.simulator().counters().tokensIssued()).as("one token, replaced once").isEqualTo(2);
    assertThat(atlas.simulator().inventory().resources()).isEmpty();
  }

  @Test
  void aRejectedToken_isRevokedBeforeAnotherIsFetched() {
    ManualClock serverClock = new ManualClock();
    ServerlessPrivateEndpointsApi api = start(AtlasSimulator.builder().clock(serverClock)
        .tokenLifetime(Duration.ofHours(3)), SECRET, Clock.systemUTC());
    create(api);
    String firstToken = "first";
    atlas.simulator().clearRequests();
    // Revoking every live token at the server makes Atlas reject the one the client holds.
    serverClock.advance(Duration.ofHours(4));

    create(api);

    assertThat(atlas.simulator().requests()).extracting(r -> r.path().replaceAll(".*/api/", "/api/"))
        .as(firstToken).containsSubsequence("/api/oauth/revoke", "/api/oauth/token");
    assertThat(atlas.simulator().counters().creates()).isEqualTo(2);
  }

  @Test
  void close_isFinal_laterCallsFailAtOnce_andFetchNothing() {
    ServerlessPrivateEndpointsApi api = start(AtlasSimulator.builder(), SECRET, Clock.systemUTC());
    create(api);
    atlas.client().close();
    long tokensBefore = atlas.simulator().counters().tokensIssued();

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> create(api))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");

    assertThat(atlas.simulator().counters().tokensIssued()).isEqualTo(tokensBefore);
    assertThat(atlas.simulator().activeTokens(CLIENT_ID)).isZero();
  }

  @Test
  void tokenEndpointFailures_nameTheTokenOperation_andSayTheRequestWasNotSent() {
    ServerlessPrivateEndpointsApi api = start(AtlasSimulator.builder().maxActiveTokens(0), SECRET, Clock.systemUTC());

    AtlasForbiddenException e = catchThrowableOfType(AtlasForbiddenException.class, () -> create(api));

    assertThat(e.operationId()).isEqualTo("serviceAccountToken");
    assertThat(e.getMessage()).contains("the API request was not sent").contains("403 Forbidden");
    assertThat(atlas.simulator().counters().requests(dev.atlasendpoints.simulator.Operation
        .CREATE_SERVERLESS_PRIVATE_ENDPOINT)).isZero();
  }
}
