package dev.atlasendpoints.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;

class RequestTagsTest {

  @Test
  void anAnsweredOperation_isTaggedByItsTemplate_statusAndOutcome() {
    AtlasOperation create = AtlasOperation.SERVICE_ACCOUNT_TOKEN;
    RequestTags tags = RequestTags.of(create, "POST", 429, null);
    assertThat(tags).isEqualTo(new RequestTags(create.operationId(), "POST", create.pathTemplate(), "429",
        "CLIENT_ERROR", "none"));
    assertThat(RequestTags.of(create, "POST", 201, null).outcome()).isEqualTo("SUCCESS");
    assertThat(RequestTags.of(create, "POST", 503, null).outcome()).isEqualTo("SERVER_ERROR");
    assertThat(RequestTags.of(create, "POST", 302, null).outcome()).isEqualTo("REDIRECTION");
  }

  @Test
  void noAnswer_orNoOperation_saysNone_neverAUrl() {
    RequestTags tags = RequestTags.of(AtlasOperation.UNKNOWN, "GET", -1, new SocketTimeoutException("x"));
    assertThat(tags).isEqualTo(new RequestTags("NONE", "GET", "NONE", "NONE", "UNKNOWN", "SocketTimeoutException"));
    assertThat(RequestTags.of(AtlasOperation.UNKNOWN, "GET", 600, null).outcome()).isEqualTo("UNKNOWN");
  }
}
