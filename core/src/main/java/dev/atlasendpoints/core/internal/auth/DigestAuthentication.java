package dev.atlasendpoints.core.internal.auth;

import dev.atlasendpoints.core.Responses;
import dev.atlasendpoints.core.auth.ApiKeyCredentials;
import dev.atlasendpoints.core.errors.AtlasInterruptedException;
import dev.atlasendpoints.core.internal.CallResolver;
import dev.atlasendpoints.core.internal.Requests;
import dev.atlasendpoints.core.internal.Urls;
import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * HTTP Digest (RFC 7616) as a client decorator, paying the 401 round trip once per nonce rather
 * than once per call.
 *
 * <p>Naive digest clients answer a fresh challenge on every request: two exchanges per call. This
 * one remembers the last challenge per origin and sends {@code Authorization} preemptively with an
 * atomically increasing nonce count, so steady state costs one exchange. When the server rejects a
 * preemptive attempt (expired nonce, a nonce count that arrived out of order, rotated keys) it
 * takes the fresh challenge from that 401 and sends once more, keeping that nonce to itself until
 * the answer arrives (so concurrent callers cannot push its count out of order): a 401 means
 * nothing was done, so the second send is safe. A second 401 is answered once more only if it says {@code stale=true}; then
 * the 401 goes to the caller. At most three sends per call; it never loops.
 */
public final class DigestAuthentication implements Client {

  private static final int NONCE_COUNT_LIMIT = 0x7fffffff;

  /** The challenge in use for one origin, the nonce count it has reached, and what every answer to it shares. */
  static final class Session {
    final DigestChallenge challenge;
    final AtomicLong nonceCount = new AtomicLong();
    /** Worked out for the last key used; a rotated key replaces it. */
    volatile Signing signing;

    Session(DigestChallenge challenge) {
      this.challenge = challenge;
    }

    Signing signing(ApiKeyCredentials key) {
      Signing current = signing;
      if (current == null || !current.key().equals(key)) { // a supplier may hand out an equal key each time
        current = Signing.of(challenge, key);
        signing = current;
      }
      return current;
    }
  }

  /**
   * What every answer to one challenge with one key has in common: {@code H(username:realm:password)}
   * and the header up to the {@code uri}, computed once rather than on every call.
   */
  record Signing(ApiKeyCredentials key, String secret, String prefix) {
    static Signing of(DigestChallenge challenge, ApiKeyCredentials key) {
      return new Signing(key, challenge.algorithm().hexOfJoined(key.publicKey(), challenge.realm(), key.privateKey()),
          "Digest username=" + quote(key.publicKey()) + ", realm=" + quote(challenge.realm()) + ", nonce="
              + quote(challenge.nonce()) + ", uri=");
    }

    @Override
    public String toString() {
      return "Signing"; // never the hash of the key
    }
  }

  private final Client delegate;
  private final Supplier<ApiKeyCredentials> credentials;
  private final Map<String, Session> sessionsByOrigin = new ConcurrentHashMap<>();
  private final Map<String, CompletableFuture<Session>> firstChallenges = new ConcurrentHashMap<>();
  private final ClientNonces cnonces = new ClientNonces(new SecureRandom());

  public DigestAuthentication(Client delegate, Supplier<ApiKeyCredentials> credentials) {
    this.delegate = delegate;
    this.credentials = credentials;
  }

  @Override
  public Response execute(Request request, Request.Options options) throws IOException {
    String origin = originOf(request.url());
    Session cached = sessionsByOrigin.get(origin);
    if (cached != null) {
      return answerChallenges(request, options, origin, delegate.execute(authorize(request, cached), options));
    }
    // Cold start: the first caller of an origin fetches its challenge; the others wait for that
    // caller's answer instead of each paying a 401 of their own (single flight).
    CompletableFuture<Session> mine = new CompletableFuture<>();
    CompletableFuture<Session> first = firstChallenges.putIfAbsent(origin, mine);
    if (first != null) {
      Session shared = await(first, options, request);
      Request sent = shared == null ? request : authorize(request, shared);
      return answerChallenges(request, options, origin, delegate.execute(sent, options));
    }
    Session established = null;
    try {
      Response response = answerChallenges(request, options, origin, delegate.execute(request, options));
      established = sessionsByOrigin.get(origin);
      return response;
    } finally {
      firstChallenges.remove(origin, mine);
      mine.complete(established); // null: the waiting callers fetch their own challenge
    }
  }

  /** Waits for the first caller's session, no longer than its two sends may take; null if there is none. */
  private static Session await(CompletableFuture<Session> first, Request.Options options, Request request) {
    long limitMillis = 2 * options.readTimeoutMillis() + 1_000;
    try {
      return first.get(limitMillis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AtlasInterruptedException(CallResolver.operation(request).operationId(),
          "waiting for the digest challenge another call is fetching", false);
    } catch (ExecutionException | TimeoutException e) {
      return null;
    }
  }

  /** Answers the 401s of {@code response}: at most two more sends, the second only for a stale nonce. */
  private Response answerChallenges(Request request, Request.Options options, String origin, Response first)
      throws IOException {
    Response response = first;
    for (int answered = 0; answered < 2 && response.status() == 401; answered++) {
      var challenge = DigestChallenge.strongest(Responses.headers(response.headers(), "WWW-Authenticate"));
      // A second 401 is answered when the nonce was stale, and for a read: the JDK's HTTP client
      // resends a GET by itself when a kept-alive connection closes under it, with the same
      // Authorization header, which a server that checks nonce counts refuses as a replay.
      boolean answerAgain = answered == 0 || challenge.map(DigestChallenge::stale).orElse(false)
          || request.httpMethod() == Request.HttpMethod.GET;
      if (challenge.isEmpty() || !answerAgain) {
        break;
      }
      Responses.discard(response);
      // The fresh nonce stays private to this call until its answer is in: no other caller can
      // then send a higher nonce count first, so even a server that demands increasing counts
      // accepts it. Only then is it shared.
      Session fresh = new Session(challenge.get());
      response = delegate.execute(authorize(request, fresh), options);
      if (response.status() != 401) {
        sessionsByOrigin.put(origin, fresh);
      }
    }
    return response;
  }

  private Request authorize(Request request, Session session) {
    long count = session.nonceCount.incrementAndGet();
    if (count > NONCE_COUNT_LIMIT) {
      session.nonceCount.set(NONCE_COUNT_LIMIT); // the server will reject it and re-challenge
    }
    return Requests.withHeader(request, "Authorization", header(session, request, count));
  }

  private String header(Session session, Request request, long count) {
    DigestChallenge challenge = session.challenge;
    Signing signing = session.signing(credentials.get());
    String target = Urls.requestTarget(request.url());
    DigestAlgorithm algorithm = challenge.algorithm();
    String hex = Long.toHexString(count);
    String nc = "00000000".substring(hex.length()) + hex;
    String cnonce = cnonces.next();

    String ha1 = algorithm.session() ? algorithm.hexOfJoined(signing.secret(), challenge.nonce(), cnonce)
        : signing.secret();
    String ha2 = algorithm.hexOfJoined(request.httpMethod().name(), target);
    String response = challenge.qopAuth()
        ? algorithm.hexOfJoined(ha1, challenge.nonce(), nc, cnonce, "auth", ha2)
        : algorithm.hexOfJoined(ha1, challenge.nonce(), ha2);

    StringBuilder header = new StringBuilder(signing.prefix().length() + target.length() + 200)
        .append(signing.prefix()).append(quote(target))
        .append(", algorithm=").append(algorithm.directive())
        .append(", response=\"").append(response).append('"');
    if (challenge.qopAuth()) {
      header.append(", qop=auth, nc=").append(nc).append(", cnonce=\"").append(cnonce).append('"');
    } else if (algorithm.session()) {
      // A -sess HA1 mixes in the cnonce (RFC 7616, 3.4.2): without qop the server still needs it.
      header.append(", cnonce=\"").append(cnonce).append('"');
    }
    if (challenge.opaque() != null) {
      header.append(", opaque=").append(quote(challenge.opaque()));
    }
    return header.toString();
  }

  private static String quote(String value) {
    if (value.indexOf('"') < 0 && value.indexOf('\\') < 0) {
      return '"' + value + '"';
    }
    return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  private static String originOf(String url) {
    return Urls.origin(url);
  }

  @Override
  public String toString() {
    return "DigestAuthentication[origins=" + sessionsByOrigin.keySet() + "]";
  }
}
