package dev.atlasendpoints.core.internal.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atlasendpoints.core.AtlasOperation;
import dev.atlasendpoints.core.Responses;
import dev.atlasendpoints.core.auth.ServiceAccountCredentials;
import dev.atlasendpoints.core.errors.AtlasCommunicationException;
import dev.atlasendpoints.core.errors.AtlasConnectionException;
import dev.atlasendpoints.core.errors.AtlasException;
import dev.atlasendpoints.core.errors.AtlasInterruptedException;
import dev.atlasendpoints.core.errors.AtlasMalformedResponseException;
import dev.atlasendpoints.core.internal.ErrorAnswers;
import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The bearer token of a service account, shared by every call of one client.
 *
 * <p>One token at a time: fetched on first use, refreshed by a single caller when it nears expiry
 * while the others keep using the still-valid one, revoked and replaced when Atlas rejects it, and
 * revoked when superseded or when the client closes. Atlas allows 100 live tokens per account;
 * this keeps the client's share at one (two for the moment of a refresh).
 *
 * <p>Fetches are single-flight: one request, whose result or failure every waiting caller shares,
 * each within its own time limit. No lock is held while a request is under way, so a token endpoint
 * that is down costs each caller one timeout, not one per caller ahead of it.
 */
public final class ServiceAccountTokens implements AutoCloseable {

  static final String TOKEN_OPERATION = AtlasOperation.SERVICE_ACCOUNT_TOKEN.operationId();
  private static final System.Logger LOG = System.getLogger("dev.atlasendpoints.core.auth");
  private static final Duration MAX_REFRESH_MARGIN = Duration.ofMinutes(1);
  private static final int MAX_TOKEN_ANSWER_BYTES = 64 * 1024;
  /** RFC 6750's b64token: what may follow "Bearer " in a header. */
  private static final java.util.regex.Pattern BEARER_TOKEN =
      java.util.regex.Pattern.compile("[A-Za-z0-9\\-._~+/]{1,8192}=*");

  private record Token(String value, Instant refreshAt, Instant expiresAt) {}

  private final Client transport;
  private final String baseUrl;
  private final Supplier<ServiceAccountCredentials> credentials;
  private final ObjectMapper mapper;
  private final ErrorAnswers errors;
  private final Request.Options options;
  private final Clock clock;
  private final AtomicReference<Token> current = new AtomicReference<>();
  private final AtomicReference<CompletableFuture<Token>> inFlight = new AtomicReference<>();
  private final DeniedProjects denied = new DeniedProjects();
  private volatile boolean closed;

  /**
   * @param transport the layers below authentication, so token requests are measured like any exchange
   */
  public ServiceAccountTokens(Client transport, String baseUrl, Supplier<ServiceAccountCredentials> credentials,
      ObjectMapper mapper, ErrorAnswers errors, Request.Options options, Clock clock) {
    this.transport = transport;
    this.baseUrl = baseUrl;
    this.credentials = credentials;
    this.mapper = mapper;
    this.errors = errors;
    this.options = options;
    this.clock = clock;
  }

  /** A token valid now. */
  String token() {
    Token token = current.get();
    Instant now = clock.instant();
    if (token != null && now.isBefore(token.refreshAt())) {
      return token.value();
    }
    if (token != null && now.isBefore(token.expiresAt())) {
      refreshUnlessUnderWay(token);
      Token latest = current.get(); // null only if Atlas just rejected it: then fetch below
      if (latest != null && clock.instant().isBefore(latest.expiresAt())) {
        return latest.value();
      }
    }
    return newToken(token).value();
  }

  /**
   * Atlas answered 401 to {@code rejected}: revokes it (best effort, so it does not count against
   * the account's limit) and forgets it, unless another caller has already replaced it.
   */
  void reject(String rejected) {
    Token token = current.get();
    if (token != null && token.value().equals(rejected) && current.compareAndSet(token, null)) {
      revoke(rejected);
    }
  }

  /**
   * Remembers that {@code token}, fresh from Atlas, was refused for {@code projectId}: a rights
   * problem. Only while it is still the current token, and only for a while (see {@link DeniedProjects}).
   */
  void deny(String token, String projectId) {
    Token now = current.get();
    if (now != null && now.value().equals(token)) {
      denied.add(token, projectId, clock.instant());
    }
  }

  /** Whether {@code token} is known to lack rights on {@code projectId} (a 401 there is no reason to replace it). */
  boolean isDenied(String token, String projectId) {
    return denied.contains(token, projectId, clock.instant());
  }

  private void refreshUnlessUnderWay(Token expiring) {
    CompletableFuture<Token> mine = new CompletableFuture<>();
    if (inFlight.compareAndSet(null, mine)) {
      try {
        fetchAndInstall(mine, expiring);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "refreshing the service-account token failed; the current one is valid until "
            + expiring.expiresAt() + " (" + e.getClass().getSimpleName() + ")");
      }
    }
  }

  private Token newToken(Token stale) {
    while (true) {
      Token latest = current.get();
      if (latest != null && latest != stale && clock.instant().isBefore(latest.expiresAt())) {
        return latest;
      }
      CompletableFuture<Token> mine = new CompletableFuture<>();
      CompletableFuture<Token> running = inFlight.compareAndExchange(null, mine);
      if (running == null) {
        return fetchAndInstall(mine, latest);
      }
      Token shared = await(running);
      if (clock.instant().isBefore(shared.expiresAt())) {
        return shared;
      }
    }
  }

  /**
   * The one fetch under way: its result, or its failure, goes to every caller waiting for it.
   *
   * @param replacing the token this fetch is to replace ({@code null} when there is none)
   */
  private Token fetchAndInstall(CompletableFuture<Token> mine, Token replacing) {
    List<Token> toRevoke = new java.util.ArrayList<>(2);
    try {
      Token latest = current.get();
      if (latest != null && latest != replacing && clock.instant().isBefore(latest.refreshAt())) {
        mine.complete(latest); // another caller replaced it since this one looked: nothing to fetch
        return latest;
      }
      if (closed) {
        throw closedFailure();
      }
      Token fresh = fetch();
      Token superseded = current.getAndSet(fresh);
      if (superseded != null) {
        toRevoke.add(superseded);
      }
      if (closed) { // close() ran during the fetch: whichever of us takes the fresh token revokes it
        if (current.compareAndSet(fresh, null)) {
          toRevoke.add(fresh);
        }
        throw closedFailure();
      }
      mine.complete(fresh);
      return fresh;
    } catch (Throwable failed) {
      mine.completeExceptionally(failed);
      throw failed;
    } finally {
      inFlight.compareAndSet(mine, null);
      for (Token token : toRevoke) { // after the waiting callers have their answer
        if (clock.instant().isBefore(token.expiresAt())) {
          revoke(token.value());
        }
      }
    }
  }

  /** Waits for another caller's fetch, no longer than that fetch may take itself, plus a second. */
  private Token await(CompletableFuture<Token> running) {
    long limitMillis = options.readTimeoutMillis() + 1_000;
    try {
      return running.get(limitMillis, TimeUnit.MILLISECONDS);
    } catch (ExecutionException failed) {
      throw failed.getCause() instanceof RuntimeException shared ? shared
          : new AtlasConnectionException(TOKEN_OPERATION, notSent("the token request failed"), failed.getCause());
    } catch (TimeoutException slow) {
      throw new AtlasConnectionException(TOKEN_OPERATION, notSent("no service-account token within "
          + limitMillis + " ms"), null);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new AtlasInterruptedException(TOKEN_OPERATION, "waiting for a service-account token; the API request "
          + "was not sent", false);
    }
  }

  private Token fetch() {
    Response response = send(AtlasOperation.SERVICE_ACCOUNT_TOKEN.pathTemplate(), "grant_type=client_credentials");
    try {
      if (response.status() != 200) {
        throw errors.toException(TOKEN_OPERATION, response);
      }
      JsonNode body = mapper.readTree(Responses.readBody(response, MAX_TOKEN_ANSWER_BYTES, TOKEN_OPERATION));
      String value = body == null ? "" : body.path("access_token").asText("");
      long expiresIn = body == null ? 0 : body.path("expires_in").asLong(0);
      if (!BEARER_TOKEN.matcher(value).matches() || expiresIn <= 0 || expiresIn > Duration.ofDays(366).toSeconds()) {
        // Never echo the value: it may be a real token with one bad character.
        throw new AtlasConnectionException(TOKEN_OPERATION,
            notSent("the token answer lacks a valid access_token (RFC 6750 b64token) or expires_in"), null);
      }
      Instant now = clock.instant();
      Duration lifetime = Duration.ofSeconds(expiresIn);
      Duration margin = lifetime.dividedBy(10).compareTo(MAX_REFRESH_MARGIN) < 0
          ? lifetime.dividedBy(10)
          : MAX_REFRESH_MARGIN;
      return new Token(value, now.plus(lifetime).minus(margin), now.plus(lifetime));
    } catch (IOException | AtlasMalformedResponseException e) {
      throw new AtlasConnectionException(TOKEN_OPERATION, notSent("the token answer is not usable JSON"), e);
    } finally {
      Responses.discard(response);
    }
  }

  private void revoke(String token) {
    try {
      Responses.discard(send(AtlasOperation.REVOKE_SERVICE_ACCOUNT_TOKEN.pathTemplate(),
          "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)));
    } catch (AtlasException e) {
      LOG.log(Level.DEBUG, "revoking a service-account token failed; it expires on its own");
    }
  }

  private Response send(String path, String form) {
    ServiceAccountCredentials account = credentials.get();
    String basic = Base64.getEncoder().encodeToString(
        (account.clientId() + ":" + account.clientSecret()).getBytes(StandardCharsets.UTF_8));
    Map<String, java.util.Collection<String>> headers = Map.of(
        "Authorization", List.of("Basic " + basic),
        "Accept", List.of("application/json"),
        "Content-Type", List.of("application/x-www-form-urlencoded"));
    Request request = Request.create(Request.HttpMethod.POST, baseUrl + path, headers,
        form.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8, null);
    try {
      return transport.execute(request, options);
    } catch (AtlasInterruptedException interrupted) {
      throw new AtlasInterruptedException(TOKEN_OPERATION, "waiting for a service-account token; the API request "
          + "was not sent", false);
    } catch (AtlasCommunicationException | IOException e) {
      // Whatever became of the token request, the API request it was for was never sent.
      throw new AtlasConnectionException(TOKEN_OPERATION, notSent("the token request failed ("
          + e.getClass().getSimpleName() + ")"), e);
    }
  }

  private static String notSent(String what) {
    return TOKEN_OPERATION + ": " + what + "; the API request was not sent";
  }

  private static IllegalStateException closedFailure() {
    return new IllegalStateException("the AtlasClient is closed");
  }

  /** Revokes the current token, if any; later calls fail and fetch nothing. */
  @Override
  public void close() {
    closed = true;
    Token token = current.getAndSet(null);
    if (token != null && clock.instant().isBefore(token.expiresAt())) {
      revoke(token.value());
    }
  }

  @Override
  public String toString() {
    return "ServiceAccountTokens[" + (current.get() == null ? "no token" : "token (redacted)") + "]";
  }
}
