package dev.atlasendpoints.core.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atlasendpoints.core.auth.ApiKeyCredentials;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every answer to one challenge shares is worked out once per key value, not per key instance. */
class DigestSigningCacheTest {

  private static final String ATLAS = "Digest realm=\"MMS Public API\", nonce=\"abc\", qop=\"auth\", algorithm=MD5";

  private final DigestAuthentication.Session session =
      new DigestAuthentication.Session(DigestChallenge.strongest(List.of(ATLAS)).orElseThrow());

  @Test
  void anEqualKeyFromTheSupplier_reusesTheSigning() {
    Object first = session.signing(new ApiKeyCredentials("public-key", "private-key"));

    assertThat(session.signing(new ApiKeyCredentials("public-key", "private-key"))).isSameAs(first);
  }

  @Test
  void aRotatedKey_replacesTheSigning() {
    Object first = session.signing(new ApiKeyCredentials("public-key", "private-key"));

    assertThat(session.signing(new ApiKeyCredentials("public-key", "rotated-private-key"))).isNotSameAs(first);
  }
}
