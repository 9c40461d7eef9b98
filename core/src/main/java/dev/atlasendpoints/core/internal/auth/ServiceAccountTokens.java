package dev.atlasendpoints.core.internal.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atlasendpoints.core.Responses;
import dev.atlasendpoints.core.auth.ServiceAccountCredentials;
import dev.atlasendpoints.core.errors.AtlasException;
import dev.atlasendpoints.core.errors.AtlasMalformedResponseException;
import dev.atlasendpoints.core.internal.ErrorAnswers;
import dev.atlasendpoints.core.internal.Requests;
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
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The bearer token of a service account, shared by every call of one client.
 *
 * <p>One token at a time: fetched on first use, refreshed by a single caller when it nears expiry
 * while the others keep using the still-valid one, replaced at once when Atlas rejects it, and
 * revoked when superseded or when the client closes. Atlas allows 100 live tokens per account;
 * this keeps the client's share at one (two for the moment of a refresh).
 */
public final class ServiceAccountTokens implements AutoCloseable {

  static final String TOKEN_OPERATION = "serviceAccountToken";
  private static final System.Logger LOG = System.getLogger("dev.atlasendpoints.core.auth");
  private static final Duration MAX_REFRESH_MARGIN = Duration.ofMinutes(1);

  private record Token(String value, Instant refreshAt, Instant expiresAt) {}

  private final Client transport;
  private final String baseUrl;
  private final Supplier<ServiceAccountCredentials> credentials;
  private final ObjectMapper mapper;
  private final ErrorAnswers errors;
  private final Request.Options options;
  private final Clock clock;
  private final ReentrantLock refreshing = new ReentrantLock();
  private volatile Token current;

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
    Token token = current;
    Instant now = clock.instant();
    if (token != null && now.isBefore(token.refreshAt())) {
      return token.value();
    }
    if (token != null && now.isBefore(token.expiresAt())) {
      if (refreshing.tryLock()) {
        try {
          if (current == token) {
            replace(token);
          }
        } catch (AtlasException e) {
          LOG.log(Level.WARNING, "refreshing the service-account token failed; the current one is valid until "
              + token.expiresAt() + ": " + e.getMessage());
        } finally {
          refreshing.unlock();
        }
      }
      Token latest = current; // null only if Atlas just rejected it: then fetch below
      if (latest != null) {
        return latest.value();
      }
    }
    refreshing.lock();
    try {
      Token latest = current;
      if (latest == null || !clock.instant().isBefore(latest.expiresAt())) {
        replace(latest);
      }
      return current.value();
    } finally {
      refreshing.unlock();
    }
  }

  /** Forgets {@code rejected} if it is still the current token, so the next call fetches anew. */
  void reject(String rejected) {
    refreshing.lock();
    try {
      Token token = current;
      if (token != null && token.value().equals(rejected)) {
        current = null;
      }
    } finally {
      refreshing.unlock();
    }
  }

  private void replace(Token previous) {
    current = fetch();
    if (previous != null && clock.instant().isBefore(previous.expiresAt())) {
      revoke(previous.value());
    }
  }

  private Token fetch() {
    Response response = send("/api/oauth/token", "grant_type=client_credentials");
    try {
      if (response.status() != 200) {
        throw errors.toException(TOKEN_OPERATION, response);
      }
      JsonNode body = mapper.readTree(Responses.readBody(response, 64 * 1024, TOKEN_OPERATION));
      String value = body.path("access_token").asText("");
      long expiresIn = body.path("expires_in").asLong(0);
      if (value.isEmpty() || expiresIn <= 0) {
        throw new AtlasMalformedResponseException(TOKEN_OPERATION, 200,
            "the token answer lacks access_token or expires_in", null);
      }
      Instant now = clock.instant();
      Duration lifetime = Duration.ofSeconds(expiresIn);
      Duration margin = lifetime.dividedBy(10).compareTo(MAX_REFRESH_MARGIN) < 0
          ? lifetime.dividedBy(10)
          : MAX_REFRESH_MARGIN;
      return new Token(value, now.plus(lifetime).minus(margin), now.plus(lifetime));
    } catch (IOException e) {
      throw new AtlasMalformedResponseException(TOKEN_OPERATION, response.status(), "the token answer is not JSON", e);
    } finally {
      Responses.discard(response);
    }
  }

  private void revoke(String token) {
    try {
      Responses.discard(send("/api/oauth/revoke", "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)));
    } catch (AtlasException e) {
      LOG.log(Level.DEBUG, "revoking a superseded service-account token failed; it expires on its own");
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
    } catch (IOException e) {
      throw dev.atlasendpoints.core.internal.TransportErrors.translate(TOKEN_OPERATION, e);
    }
  }

  /** Revokes the current token, if any. */
  @Override
  public void close() {
    Token token = current;
    current = null;
    if (token != null && clock.instant().isBefore(token.expiresAt())) {
      revoke(token.value());
    }
  }

  @Override
  public String toString() {
    return "ServiceAccountTokens[" + (current == null ? "no token" : "token (redacted)") + "]";
  }
}
