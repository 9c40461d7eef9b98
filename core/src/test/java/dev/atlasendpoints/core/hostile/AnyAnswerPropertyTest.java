package dev.atlasendpoints.core.hostile;

import static dev.atlasendpoints.core.hostile.HostileAnswers.API_ERROR;
import static dev.atlasendpoints.core.hostile.HostileAnswers.ATLAS_JSON;
import static dev.atlasendpoints.core.hostile.HostileAnswers.HTML;
import static dev.atlasendpoints.core.hostile.HostileAnswers.JSON;
import static dev.atlasendpoints.core.hostile.HostileAnswers.SERVICE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atlasendpoints.core.errors.AtlasException;
import dev.atlasendpoints.core.hostile.HostileCalls.Harness;
import dev.atlasendpoints.core.hostile.HostileCalls.Outcome;
import dev.atlasendpoints.generated.model.EndpointService;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Whatever a server answers, the call returns a model or throws the SDK's exception, in bounded time. */
class AnyAnswerPropertyTest {

  private static final Duration READ_TIMEOUT = Duration.ofSeconds(1);
  private static Harness harness;

  /**
   * One generated answer; {@code length} is "honest", "short" (declares more than it sends) or
   * "none" (the body ends when the connection closes).
   */
  record Answer(int status, List<String> headers, String length, String body) {
    String text() {
      StringBuilder text = new StringBuilder("HTTP/1.1 ").append(String.format("%03d", status)).append(" Any\r\n");
      headers.forEach(header -> text.append(header).append("\r\n"));
      if (!length.equals("none")) {
        text.append("Content-Length: ").append(body.length() + (length.equals("short") ? 10 : 0)).append("\r\n");
      }
      return text.append("Connection: close\r\n\r\n").append(body).toString();
    }

    String label() {
      return "property[" + status + "|" + String.join(",", headers).replace(" ", "") + "|" + length + "|"
          + body.length() + "B]";
    }
  }

  @BeforeContainer
  static void start() throws IOException {
    harness = new Harness(READ_TIMEOUT);
  }

  @AfterContainer
  static void stop() {
    harness.close();
  }

  @Provide
  Arbitrary<Answer> answers() {
    Arbitrary<Integer> statuses = Arbitraries.of(100, 199, 200, 201, 204, 299, 300, 302, 400, 401, 403, 404, 409,
        429, 500, 503, 599, 0, 99, 600, 999);
    Arbitrary<List<String>> headers = Arbitraries.of(List.of(), List.of(JSON), List.of(ATLAS_JSON), List.of(HTML),
        List.of(JSON, "Retry-After: 30"), List.of(JSON, "Retry-After: 99999999999"), List.of("Retry-After: soon"),
        List.of(HTML, "Retry-After: -5"));
    Arbitrary<String> lengths = Arbitraries.of("honest", "honest", "short", "none");
    Arbitrary<String> bodies = Arbitraries.frequency(Tuple.of(3, SERVICE), Tuple.of(1, ""),
        Tuple.of(1, SERVICE.substring(0, 20)), Tuple.of(1, "<html>hi</html>"), Tuple.of(1, "[1,2,3]"),
        Tuple.of(1, API_ERROR));
    return Combinators.combine(statuses, headers, lengths, bodies).as(Answer::new);
  }

  @Property(tries = 60, edgeCases = EdgeCasesMode.NONE)
  void anyAnswer_endsInAModelOrAnAtlasException_withinTheDeadline(@ForAll("answers") Answer answer) {
    Outcome outcome = harness.against(answer.label(), (request, wire) -> {
      wire.send(answer.text());
      wire.hangUp();
    });

    if (outcome.thrown() == null) {
      assertThat(outcome.value()).isInstanceOf(EndpointService.class);
      assertThat(answer.status()).as("status of an answer decoded as a model").isBetween(200, 299);
    } else {
      assertThat(outcome.thrown()).isInstanceOf(AtlasException.class);
    }
  }
}
