package dev.atlasendpoints.core.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Example;

/** The challenge parser and the choice of algorithm, with examples and generated inputs. */
class DigestChallengeTest {

  private static final String ATLAS = "Digest realm=\"MMS Public API\", domain=\"\", nonce=\"n0nce/+=\", "
      + "algorithm=MD5, qop=\"auth\", stale=false";

  @Example
  void readsAtlasChallenge() {
    DigestChallenge challenge = DigestChallenge.strongest(List.of(ATLAS)).orElseThrow();

    assertThat(challenge.realm()).isEqualTo("MMS Public API");
    assertThat(challenge.nonce()).isEqualTo("n0nce/+=");
    assertThat(challenge.algorithm()).isEqualTo(DigestAlgorithm.MD5);
    assertThat(challenge.qopAuth()).isTrue();
    assertThat(challenge.stale()).isFalse();
  }

  @Example
  void picksTheStrongestOffered_acrossHeadersAndWithinOne() {
    var separate = DigestChallenge.strongest(List.of(ATLAS,
        "Digest realm=\"r\", nonce=\"a\", algorithm=SHA-256, qop=\"auth,auth-int\""));
    var combined = DigestChallenge.strongest(List.of(
        "Basic realm=\"x\", Digest realm=\"r\", nonce=\"a\", algorithm=SHA-512-256-sess, qop=auth, "
            + "Digest realm=\"r\", nonce=\"b\", algorithm=SHA-512-256, qop=auth"));

    assertThat(separate.orElseThrow().algorithm()).isEqualTo(DigestAlgorithm.SHA_256);
    assertThat(combined.orElseThrow().algorithm()).isEqualTo(DigestAlgorithm.SHA_512_256);
    assertThat(combined.orElseThrow().nonce()).isEqualTo("b");
  }

  @Example
  void ignoresUnknownDirectives_andUnknownAlgorithms_andAuthIntOnly() {
    var chosen = DigestChallenge.strongest(List.of(
        "Digest realm=\"r\", nonce=\"x\", algorithm=SHA3-512, qop=auth",
        "Digest realm=\"r\", nonce=\"y\", algorithm=SHA-256, qop=\"auth-int\"",
        "Digest realm=\"r\", nonce=\"z\", future-directive=\"whatever\", charset=UTF-8, qop=auth"));

    assertThat(chosen.orElseThrow().nonce()).isEqualTo("z");
    assertThat(chosen.orElseThrow().algorithm()).isEqualTo(DigestAlgorithm.MD5);
  }

  @Example
  void staleAndOpaque_andEscapedQuotes() {
    var challenge = DigestChallenge.strongest(List.of(
        "Digest realm=\"a \\\"quoted\\\" realm\", nonce=\"n\", opaque=\"op\", stale=TRUE")).orElseThrow();

    assertThat(challenge.realm()).isEqualTo("a \"quoted\" realm");
    assertThat(challenge.opaque()).isEqualTo("op");
    assertThat(challenge.stale()).isTrue();
    assertThat(challenge.qopAuth()).isFalse();
  }

  @Example
  void rfc7616Example_md5AndSha256() {
    // RFC 7616 section 3.9.1: user Mufasa, password "Circle of Life".
    DigestAlgorithm md5 = DigestAlgorithm.MD5;
    DigestAlgorithm sha = DigestAlgorithm.SHA_256;
    String nonce = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
    String cnonce = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";
    String realm = "http-auth@example.org";

    String md5Response = md5.hexOfJoined(md5.hexOfJoined("Mufasa", realm, "Circle of Life"), nonce, "00000001",
        cnonce, "auth", md5.hexOfJoined("GET", "/dir/index.html"));
    String shaResponse = sha.hexOfJoined(sha.hexOfJoined("Mufasa", realm, "Circle of Life"), nonce, "00000001",
        cnonce, "auth", sha.hexOfJoined("GET", "/dir/index.html"));

    assertThat(md5Response).isEqualTo("8ca523f5e9506fed4657c9700eebdbec");
    assertThat(shaResponse).isEqualTo("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1");
  }

  @Property(tries = 2000)
  void anyHeaderText_yieldsAResultNeverAnException(@ForAll String header) {
    assertThat(DigestChallenge.strongest(List.of(header))).isNotNull();
    assertThat(AuthChallenges.parse(List.of(header))).isNotNull();
  }

  @Property(tries = 1000)
  void wellFormedChallenges_roundTrip(@ForAll("realms") String realm, @ForAll("nonces") String nonce,
      @ForAll("algorithms") DigestAlgorithm algorithm) {
    String header = "Digest realm=\"" + realm.replace("\\", "\\\\").replace("\"", "\\\"") + "\", nonce=\"" + nonce
        + "\", algorithm=" + algorithm.directive() + ", qop=\"auth\"";

    DigestChallenge parsed = DigestChallenge.strongest(List.of(header)).orElseThrow();

    assertThat(parsed.realm()).isEqualTo(realm);
    assertThat(parsed.nonce()).isEqualTo(nonce);
    assertThat(parsed.algorithm()).isEqualTo(algorithm);
  }

  @Provide
  Arbitrary<String> realms() {
    return Arbitraries.strings().ofMaxLength(40).filter(s -> s.chars().allMatch(c -> c >= 32 && c < 127));
  }

  @Provide
  Arbitrary<String> nonces() {
    return Arbitraries.strings().withChars("abcdefABCDEF0123456789+/=").ofMinLength(1).ofMaxLength(48);
  }

  @Provide
  Arbitrary<DigestAlgorithm> algorithms() {
    return Arbitraries.of(DigestAlgorithm.class);
  }
}
