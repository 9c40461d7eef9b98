package dev.atlasendpoints.core.hostile;

import static dev.atlasendpoints.core.hostile.HostileAnswers.API_ERROR;
import static dev.atlasendpoints.core.hostile.HostileAnswers.ATLAS_JSON;
import static dev.atlasendpoints.core.hostile.HostileAnswers.HTML;
import static dev.atlasendpoints.core.hostile.HostileAnswers.JSON;
import static dev.atlasendpoints.core.hostile.HostileAnswers.SERVICE;
import static dev.atlasendpoints.core.hostile.HostileAnswers.answer;
import static dev.atlasendpoints.core.hostile.HostileAnswers.sends;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atlasendpoints.core.errors.AtlasException;
import dev.atlasendpoints.core.hostile.HostileCalls.Harness;
import dev.atlasendpoints.core.hostile.HostileCalls.Outcome;
import dev.atlasendpoints.core.hostile.ScriptedServer.Script;
import feign.Request;
import feign.Response;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every path closes the answer it does not hand on: after all the hostile answers, no body is open. */
class ResponseLeakTest {

  private static Map<String, Script> hostileAnswers(String baseUrl) {
    Map<String, Script> cases = new LinkedHashMap<>();
    cases.put("created", HostileAnswers.created());
    cases.put("truncated-json", sends(answer("201 Created", "{\"id\":", JSON)));
    cases.put("json-array", sends(answer("201 Created", "[1,2,3]", JSON)));
    cases.put("empty-success", sends(answer("201 Created", "", JSON)));
    cases.put("html-200", sends(answer("200 OK", "<html>login</html>", HTML)));
    cases.put("html-401", sends(answer("401 Unauthorized", "<html>Unauthorized</html>", HTML)));
    cases.put("redirect-302", HostileAnswers.redirectTo(baseUrl + "/elsewhere"));
    cases.put("retry-after-absurd", HostileAnswers.rateLimited("99999999999"));
    cases.put("retry-after-malformed", HostileAnswers.rateLimited("soon"));
    cases.put("api-error-409", sends(answer("409 Conflict", API_ERROR, ATLAS_JSON)));
    cases.put("empty-404", sends(answer("404 Not Found", "", JSON)));
    cases.put("text-500", sends(answer("500 Internal Server Error", "oops", "Content-Type: text/plain")));
    cases.put("html-503", sends(answer("503 Service Unavailable", "<html>down</html>", HTML)));
    cases.put("status-999", sends(answer("999 Odd", SERVICE, JSON)));
    cases.put("oversized-success", sends(answer("201 Created", "x".repeat(200_000), JSON)));
    cases.put("oversized-error", sends(answer("500 Internal Server Error", "x".repeat(200_000), JSON)));
    return cases;
  }

  @Test
  void afterEveryHostileAnswer_noBodyIsLeftOpen() throws Exception {
    CountingTransport transport = new CountingTransport();
    try (Harness harness = new Harness(Duration.ofSeconds(2))) {
      harness.transport(transport);
      hostileAnswers(harness.server.baseUrl()).forEach((name, script) ->
          assertTyped(harness.against("leak/" + name, script)));
      assertTyped(harness.againstRaw("leak/envelope-999",
          ScriptedServer.afterChallenge(HostileAnswers.envelopeWithStatus(999)), true));
      assertTyped(harness.againstRaw("leak/malformed-challenge",
          sends(answer("401 Unauthorized", "", "WWW-Authenticate: Digest realm=")), null));
    }

    assertThat(transport.bodiesHandedOver()).as("bodies handed over").isGreaterThan(18);
    assertThat(transport.openBodies()).as("bodies still open").isZero();
  }

  @Test
  void theCounter_seesABodyNobodyClosed() throws Exception {
    CountingTransport transport = new CountingTransport();
    try (ScriptedServer server = new ScriptedServer(HostileAnswers.created())) {
      Response answer = transport.execute(Request.create(Request.HttpMethod.GET, server.baseUrl() + "/", Map.of(),
          null, UTF_8, null), new Request.Options());

      assertThat(transport.openBodies()).isOne();
      answer.body().asInputStream().close();
      assertThat(transport.openBodies()).isZero();
    }
  }

  private static void assertTyped(Outcome outcome) {
    if (outcome.thrown() != null) {
      assertThat(outcome.thrown()).isInstanceOf(AtlasException.class);
    }
  }
}
