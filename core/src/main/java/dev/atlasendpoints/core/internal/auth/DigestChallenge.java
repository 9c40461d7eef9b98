package dev.atlasendpoints.core.internal.auth;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A digest challenge the client can answer.
 *
 * @param realm the protection space
 * @param nonce the server's nonce
 * @param opaque echoed back when present
 * @param algorithm the algorithm to answer with
 * @param qopAuth whether to answer with {@code qop=auth} (else the RFC 2069 form, no qop)
 * @param stale whether the server said the previous nonce was stale
 */
record DigestChallenge(String realm, String nonce, String opaque, DigestAlgorithm algorithm, boolean qopAuth,
    boolean stale) {

  /** The strongest challenge among the values that this client can answer. */
  static Optional<DigestChallenge> strongest(List<String> wwwAuthenticate) {
    return AuthChallenges.parse(wwwAuthenticate).stream()
        .filter(c -> c.scheme().equalsIgnoreCase("Digest"))
        .map(DigestChallenge::from)
        .flatMap(Optional::stream)
        .min(Comparator.comparing(DigestChallenge::algorithm));
  }

  private static Optional<DigestChallenge> from(AuthChallenges.Challenge challenge) {
    String realm = challenge.parameter("realm");
    String nonce = challenge.parameter("nonce");
    Optional<DigestAlgorithm> algorithm = DigestAlgorithm.named(challenge.parameter("algorithm"));
    String qop = challenge.parameter("qop");
    boolean qopAuth = qop != null && Arrays.stream(qop.split(",")).map(String::trim).anyMatch("auth"::equalsIgnoreCase);
    if (realm == null || nonce == null || nonce.isEmpty() || algorithm.isEmpty() || (qop != null && !qopAuth)
        || "true".equalsIgnoreCase(challenge.parameter("userhash"))) {
      return Optional.empty();
    }
    return Optional.of(new DigestChallenge(realm, nonce, challenge.parameter("opaque"), algorithm.get(), qopAuth,
        "true".equalsIgnoreCase(challenge.parameter("stale"))));
  }
}
