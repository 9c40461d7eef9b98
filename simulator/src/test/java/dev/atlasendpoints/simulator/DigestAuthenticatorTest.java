package dev.atlasendpoints.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The digest computation against RFC 7616's published examples, and the header parser. */
class DigestAuthenticatorTest {

  // RFC 7616, section 3.9.1.
  private static final String USER = "Mufasa";
  private static final String REALM = "http-auth@example.org";
  private static final String PASSWORD = "Circle of Life";
  private static final String NONCE = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
  private static final String CNONCE = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";

  @Test
  void md5_matchesTheRfcExample() {
    assertThat(DigestAuthenticator.requestDigest(DigestAlgorithm.MD5, USER, REALM, PASSWORD, "GET",
        "/dir/index.html", NONCE, "00000001", CNONCE)).isEqualTo("8ca523f5e9506fed4657c9700eebdbec");
  }

  @Test
  void sha256_matchesTheRfcExample() {
    assertThat(DigestAuthenticator.requestDigest(DigestAlgorithm.SHA_256, USER, REALM, PASSWORD, "GET",
        "/dir/index.html", NONCE, "00000001", CNONCE))
        .isEqualTo("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1");
  }

  @Test
  void sessionVariants_hashTheNonceIntoHa1() {
    String plain = DigestAuthenticator.requestDigest(DigestAlgorithm.SHA_256, USER, REALM, PASSWORD, "GET", "/", NONCE,
        "00000001", CNONCE);
    String session = DigestAuthenticator.requestDigest(DigestAlgorithm.SHA_256_SESS, USER, REALM, PASSWORD, "GET", "/",
        NONCE, "00000001", CNONCE);
    assertThat(session).hasSize(64).isNotEqualTo(plain);
  }

  @Test
  void sha512_256_yields64HexDigits() {
    assertThat(DigestAuthenticator.requestDigest(DigestAlgorithm.SHA_512_256, USER, REALM, PASSWORD, "GET", "/", NONCE,
        "00000001", CNONCE)).matches("[0-9a-f]{64}");
  }

  @Test
  void parser_readsQuotedAndBareDirectives_withEscapes() {
    DigestCredentials parsed = DigestCredentials.parse(
        "digest username=\"a\\\"b\", realm=\"MMS Public API\", nc=00000001, qop=auth, algorithm=SHA-256").orElseThrow();

    assertThat(parsed.get("username")).isEqualTo("a\"b");
    assertThat(parsed.get("realm")).isEqualTo("MMS Public API");
    assertThat(parsed.get("nc")).isEqualTo("00000001");
    assertThat(parsed.get("algorithm")).isEqualTo("SHA-256");
  }

  @Test
  void parser_rejectsOtherSchemesAndUnterminatedQuotes() {
    assertThat(DigestCredentials.parse("Basic dXNlcjpwYXNz")).isEmpty();
    assertThat(DigestCredentials.parse("Digest realm=\"unterminated")).isEmpty();
    assertThat(DigestCredentials.parse(null)).isEmpty();
  }
}
