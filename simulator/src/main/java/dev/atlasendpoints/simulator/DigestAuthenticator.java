package dev.atlasendpoints.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The server side of HTTP Digest (RFC 7616) with {@code qop=auth}: issues challenges, verifies
 * every request's response against the API keys, expires nonces (answering {@code stale=true}) and
 * rejects replayed nonce counts.
 */
final class DigestAuthenticator {

  /** The outcome of checking one request. */
  sealed interface Outcome permits Accepted, Rejected {}

  record Accepted(Caller caller) implements Outcome {}

  /** Rejected: answer 401 with a fresh challenge; {@code stale} says the credentials were right. */
  record Rejected(boolean stale, String reason) implements Outcome {}

  private static final int MAX_TRACKED_NONCE_COUNT = 1 << 20;

  private final String realm;
  private final List<DigestAlgorithm> offered;
  private final Map<String, ApiKey> keysByPublicKey;
  private final Duration nonceLifetime;
  private final NonceCountPolicy policy;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, NonceState> nonces = new ConcurrentHashMap<>();

  DigestAuthenticator(String realm, List<DigestAlgorithm> offered, List<ApiKey> keys, Duration nonceLifetime,
      NonceCountPolicy policy, Clock clock) {
    this.realm = realm;
    this.offered = List.copyOf(offered);
    this.keysByPublicKey = keys.stream().collect(Collectors.toUnmodifiableMap(ApiKey::publicKey, Function.identity()));
    this.nonceLifetime = nonceLifetime;
    this.policy = policy;
    this.clock = clock;
  }

  /** The {@code WWW-Authenticate} values of a fresh challenge: one per offered algorithm, in order. */
  List<String> challenge(boolean stale) {
    String nonce = newNonce();
    return offered.stream()
        .map(algorithm -> "Digest realm=\"" + realm + "\", domain=\"\", nonce=\"" + nonce + "\", algorithm="
            + algorithm.token() + ", qop=\"auth\", stale=" + stale)
        .toList();
  }

  Outcome verify(String authorization, String method, String requestTarget) {
    var parsed = DigestCredentials.parse(authorization);
    if (parsed.isEmpty()) {
      return new Rejected(false, "not a Digest authorization");
    }
    DigestCredentials credentials = parsed.get();
    String username = credentials.get("username");
    String nonce = credentials.get("nonce");
    String uri = credentials.get("uri");
    String response = credentials.get("response");
    String qop = credentials.get("qop");
    String nc = credentials.get("nc");
    String cnonce = credentials.get("cnonce");
    if (username == null || nonce == null || uri == null || response == null || qop == null || nc == null
        || cnonce == null) {
      return new Rejected(false, "a required directive is missing");
    }
    if (!realm.equals(credentials.get("realm"))) {
      return new Rejected(false, "wrong realm");
    }
    if (!"auth".equals(qop) || "true".equalsIgnoreCase(credentials.get("userhash"))) {
      return new Rejected(false, "unsupported qop or userhash");
    }
    String algorithmName = credentials.get("algorithm") == null ? "MD5" : credentials.get("algorithm");
    DigestAlgorithm algorithm = DigestAlgorithm.fromToken(algorithmName).filter(offered::contains).orElse(null);
    if (algorithm == null) {
      return new Rejected(false, "algorithm not offered");
    }
    if (!uri.equals(requestTarget)) {
      return new Rejected(false, "uri does not match the request");
    }
    long nonceCount;
    try {
      nonceCount = Long.parseLong(nc, 16);
    } catch (NumberFormatException e) {
      return new Rejected(false, "malformed nc");
    }
    ApiKey key = keysByPublicKey.get(username);
    if (key == null) {
      return new Rejected(false, "unknown user");
    }
    String expected = requestDigest(algorithm, key.publicKey(), realm, key.privateKey(), method, uri, nonce, nc,
        cnonce);
    if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
        response.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
      return new Rejected(false, "wrong response");
    }
    NonceState state = nonces.get(nonce);
    if (state == null || state.issuedAt.plus(nonceLifetime).isBefore(clock.instant())) {
      return new Rejected(true, "stale nonce");
    }
    if (!state.admit(nonceCount, policy)) {
      return new Rejected(false, "nonce count replayed");
    }
    return new Accepted(new Caller(key.publicKey(), key::mayAccess));
  }

  /** The RFC 7616 request-digest for {@code qop=auth}. */
  static String requestDigest(DigestAlgorithm algorithm, String username, String realm, String password,
      String method, String uri, String nonce, String nc, String cnonce) {
    String ha1 = algorithm.hash(username + ":" + realm + ":" + password);
    if (algorithm.session()) {
      ha1 = algorithm.hash(ha1 + ":" + nonce + ":" + cnonce);
    }
    String ha2 = algorithm.hash(method + ":" + uri);
    return algorithm.hash(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2);
  }

  private String newNonce() {
    byte[] bytes = new byte[24];
    random.nextBytes(bytes);
    String nonce = Base64.getEncoder().encodeToString(bytes);
    Instant now = clock.instant();
    if (nonces.size() > 10_000) {
      nonces.values().removeIf(s -> s.issuedAt.plus(nonceLifetime).isBefore(now));
    }
    nonces.put(nonce, new NonceState(now));
    return nonce;
  }

  /** The nonce counts seen for one nonce. */
  private static final class NonceState {
    private final Instant issuedAt;
    private final BitSet seen = new BitSet();
    private long highest;

    NonceState(Instant issuedAt) {
      this.issuedAt = issuedAt;
    }

    synchronized boolean admit(long nonceCount, NonceCountPolicy policy) {
      if (nonceCount < 1 || nonceCount > MAX_TRACKED_NONCE_COUNT) {
        return false;
      }
      boolean fresh = policy == NonceCountPolicy.STRICTLY_INCREASING
          ? nonceCount > highest
          : !seen.get((int) nonceCount);
      if (fresh) {
        seen.set((int) nonceCount);
        highest = Math.max(highest, nonceCount);
      }
      return fresh;
    }
  }
}
