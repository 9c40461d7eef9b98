package dev.atlasendpoints.core.hostile;

import static dev.atlasendpoints.core.hostile.HostileAnswers.HTML;
import static dev.atlasendpoints.core.hostile.HostileAnswers.JSON;
import static dev.atlasendpoints.core.hostile.HostileAnswers.SERVICE;
import static dev.atlasendpoints.core.hostile.HostileAnswers.answer;
import static dev.atlasendpoints.core.hostile.HostileAnswers.sends;
import static dev.atlasendpoints.core.hostile.HostileCalls.MAX_BYTES;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.atlasendpoints.core.errors.AtlasAmbiguousOutcomeException;
import dev.atlasendpoints.core.errors.AtlasException;
import dev.atlasendpoints.core.errors.AtlasMalformedResponseException;
import dev.atlasendpoints.core.errors.AtlasTimeoutException;
import dev.atlasendpoints.core.hostile.HostileCalls.Harness;
import dev.atlasendpoints.core.hostile.HostileCalls.Outcome;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile servers and networks over a real socket: stalls, drips, oversized and broken answers and
 * impossible statuses each end with the SDK's precise exception within one read timeout (plus a
 * second), and a stalled connection is never reused.
 */
class HostileServerTest {

  private static final long DEADLINE_MILLIS = 2_000;

  private Harness harness;

  @BeforeEach
  void start() throws IOException {
    harness = new Harness(Duration.ofMillis(DEADLINE_MILLIS));
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  private static void assertRanToTheDeadline(Outcome outcome) {
    assertThat(outcome.millis()).as("elapsed ms").isGreaterThanOrEqualTo(DEADLINE_MILLIS - 100);
    assertThat(outcome.threw(AtlasTimeoutException.class).requestMayHaveBeenProcessed()).isTrue();
  }

  @Test
  void aStallBeforeTheHeaders_endsAsATimeout_withinTheDeadline() {
    assertRanToTheDeadline(harness.against("stall-before-headers", (request, wire) -> wire.pause(10_000)));
  }

  @Test
  void aStallInTheBody_endsAsATimeout_withinTheDeadline_andClosesTheConnection() throws Exception {
    CompletableFuture<Boolean> hungUp = new CompletableFuture<>();
    Outcome stalled = harness.against("stall-in-body", (request, wire) -> hungUp.complete(wire
        .send("HTTP/1.1 201 Created\r\n" + JSON + "\r\nContent-Length: 100\r\n\r\n").clientHangsUpWithin(10_000)));

    Outcome next = harness.against("after-stall-next-call", HostileAnswers.created());

    assertRanToTheDeadline(stalled);
    // A connection with part of a body unread is never reused anyway; what matters is that it is closed.
    assertThat(hungUp.get(15, TimeUnit.SECONDS)).as("the client closed the stalled connection").isTrue();
    assertThat(next.thrown()).as("the call after the stall").isNull();
    assertThat(next.value().getId()).isEqualTo("65a1f2e3d4c5b6a798100001");
  }

  @Test
  void aKeptAliveConnectionClosedUnanswered_isNotResentPastTheDeadline() {
    assertThat(harness.get("get-kept-alive").thrown()).as("the first read").isNull();
    AtomicInteger attempts = new AtomicInteger();
    harness.server.script(ScriptedServer.afterChallenge((request, wire) -> {
      if (attempts.incrementAndGet() == 1) {
        wire.pause(DEADLINE_MILLIS * 3 / 4).hangUp(); // the JDK resends a GET whose reused connection closed
      } else {
        wire.pause(10_000);
      }
    }));

    Outcome outcome = harness.get("get-closed-then-resent-stalls");

    assertThat(attempts.get()).as("attempts the server saw").isEqualTo(2);
    assertThat(outcome.threw(AtlasTimeoutException.class).requestMayHaveBeenProcessed()).isTrue();
    assertThat(outcome.millis()).as("elapsed ms, one deadline and a margin").isLessThan(DEADLINE_MILLIS * 3 / 2);
  }

  @Test
  void closingTheClientWhileACallWaits_endsTheCallAtOnce_asAmbiguous() {
    harness.closeClientAfter(DEADLINE_MILLIS / 4);

    Outcome outcome = assertTimeoutPreemptively(Duration.ofMillis(DEADLINE_MILLIS * 3), () -> {
      Outcome closed = harness.against("close-during-call", (request, wire) -> {
        wire.pause(DEADLINE_MILLIS / 2);
        HostileAnswers.created().answer(request, wire);
      });
      assertThat(Thread.currentThread().isInterrupted()).as("the caller's interrupt flag").isFalse();
      return closed;
    });

    AtlasAmbiguousOutcomeException e = outcome.threw(AtlasAmbiguousOutcomeException.class);
    assertThat(e.getMessage()).contains("client was closed").contains("may have acted");
    assertThat(outcome.millis()).as("elapsed ms").isLessThan(DEADLINE_MILLIS);
  }

  @Test
  void aDrippingBody_endsAsATimeout_withinTheDeadline() {
    assertRanToTheDeadline(harness.against("drip-300ms", (request, wire) -> wire
        .send("HTTP/1.1 201 Created\r\n" + JSON + "\r\nContent-Length: 40\r\n\r\n").drip("x".repeat(40), 300)));
  }

  @Test
  void aTruncatedJsonBody_isMalformed_andSaysAtlasActed() {
    AtlasMalformedResponseException e = harness.against("truncated-json",
        sends(answer("201 Created", "{\"id\":", JSON))).threw(AtlasMalformedResponseException.class);

    assertThat(e.getMessage()).contains("is not a valid EndpointService");
    assertThat(e.status()).isEqualTo(201);
    assertThat(e.requestMayHaveBeenProcessed()).isTrue();
  }

  @Test
  void htmlWithStatus200_isMalformed_namingTheContentType() {
    AtlasMalformedResponseException e = harness.against("html-200",
        sends(answer("200 OK", "<html>login</html>", HTML))).threw(AtlasMalformedResponseException.class);

    assertThat(e.getMessage()).contains("not JSON").contains("text/html");
  }

  @Test
  void anOversizedDeclaredBody_isRefusedAtOnce_namingTheBound() {
    assertRefusedFast(harness.against("oversized-declared", HostileAnswers.oversizedDeclared()));
  }

  @Test
  void anOversizedChunkedBody_isRefusedAsItArrives_namingTheBound() {
    assertRefusedFast(harness.against("oversized-chunked", HostileAnswers.oversizedChunked()));
  }

  @Test
  void afterAnOversizedChunkedBody_theSameClientStillAnswers() {
    // The bound is enforced on the HTTP client's selector thread (a plain-HTTP client's executor runs
    // tasks inline): a refusal there must end that exchange only, not the client. A guard of the JDK's
    // behaviour: its body parser catches the refusal before the executor sees it.
    assertRefusedFast(harness.against("oversized-chunked", HostileAnswers.oversizedChunked()));

    Outcome next = harness.against("created-after-refusal", HostileAnswers.created());

    assertThat(next.thrown()).as("the next call").isNull();
    assertThat(next.value().getId()).isEqualTo("65a1f2e3d4c5b6a798100001");
  }

  @Test
  void aBodyUnderTheBound_inManyChunks_arrivesWhole_inOrder() {
    StringBuilder message = new StringBuilder();
    for (int i = 0; message.length() < 40_000; i++) {
      message.append(i).append(' '); // every part different: a lost, doubled or misplaced part shows
    }

    Outcome outcome = harness.against("chunked-in-parts", HostileAnswers.chunkedInParts(message.toString(), 4096));

    assertThat(outcome.thrown()).as("the call").isNull();
    assertThat(outcome.value().getErrorMessage()).isEqualTo(message.toString());
    assertThat(outcome.value().getId()).isEqualTo("65a1f2e3d4c5b6a798100001");
  }

  private static void assertRefusedFast(Outcome outcome) {
    assertThat(outcome.threw(AtlasMalformedResponseException.class).getMessage()).contains("bound of " + MAX_BYTES);
    assertThat(outcome.millis()).as("elapsed ms, well under the deadline").isLessThan(DEADLINE_MILLIS / 2);
  }

  @Test
  void aFloodOfHeaders_endsTyped_withinTheDeadline() {
    StringBuilder flood = new StringBuilder("HTTP/1.1 500 Internal Server Error\r\n");
    for (int i = 0; i < 20_000; i++) {
      flood.append("X-Flood-").append(i).append(": ").append("v".repeat(20)).append("\r\n");
    }
    Outcome outcome = harness.against("header-flood", sends(flood.append("Content-Length: 0\r\n\r\n").toString()));

    assertThat(outcome.thrown()).isInstanceOf(AtlasException.class);
  }

  @Test
  void anUnknownStatusInThe2xxRange_isASuccess() {
    Outcome outcome = harness.against("status-299", sends(answer("299 Odd", SERVICE, JSON)));

    assertThat(outcome.thrown()).isNull();
    assertThat(outcome.value().getId()).isEqualTo("65a1f2e3d4c5b6a798100001");
  }

  @ParameterizedTest
  @ValueSource(strings = {"999 Odd", "600 Beyond"})
  void aStatusOutside100To599_isMalformed(String statusLine) {
    AtlasMalformedResponseException e = harness.against("status-" + statusLine.substring(0, 3),
        sends(answer(statusLine, SERVICE, JSON))).threw(AtlasMalformedResponseException.class);

    assertThat(e.status()).isEqualTo(Integer.parseInt(statusLine.substring(0, 3)));
    assertThat(e.getMessage()).contains("not an HTTP status");
    assertThat(e.requestMayHaveBeenProcessed()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "99999999999999999999", "-5", "10, 10"})
  void aContentLengthThatIsNotALength_isMalformed_atOnce(String contentLength) {
    Outcome outcome = harness.against("content-length-" + contentLength.length(),
        sends("HTTP/1.1 201 Created\r\n" + JSON + "\r\nContent-Length: " + contentLength + "\r\n\r\n{}"));

    assertThat(outcome.threw(AtlasMalformedResponseException.class).requestMayHaveBeenProcessed()).isTrue();
    assertThat(outcome.millis()).as("elapsed ms, well under the deadline").isLessThan(DEADLINE_MILLIS / 2);
  }

  @ParameterizedTest
  @ValueSource(strings = {"099 Low", "000 Zero"})
  void aStatusLineTheJdkRefuses_isMalformed_withNoStatus(String statusLine) {
    AtlasMalformedResponseException e = harness.against("status-" + statusLine.substring(0, 3),
        sends(answer(statusLine, SERVICE, JSON))).threw(AtlasMalformedResponseException.class);

    assertThat(e.status()).isEqualTo(AtlasMalformedResponseException.NO_STATUS);
    assertThat(e.getMessage()).contains("not valid HTTP");
    assertThat(e.requestMayHaveBeenProcessed()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(ints = {99, 0, -1, 1000})
  void aStatusOutside100To599FromAnyTransport_isMalformed_andSaysAtlasMayHaveActed(int status) {
    harness.transport((request, options) ->
        feign.Response.builder().request(request).status(status).headers(Map.of()).body(SERVICE, UTF_8).build());

    AtlasMalformedResponseException e = harness.against("transport-status-" + status, HostileAnswers.created())
        .threw(AtlasMalformedResponseException.class);

    assertThat(e.status()).isEqualTo(status);
    assertThat(e.getMessage()).contains("not an HTTP status").contains("may have acted");
    assertThat(e.requestMayHaveBeenProcessed()).as("the flag agrees with the message").isTrue();
  }

  @Test
  void aTransportsBodyThatFailsToRead_isMalformed_namingTheOperation() {
    harness.transport((request, options) -> feign.Response.builder().request(request).status(201)
        .headers(Map.of("Content-Type", java.util.List.of("application/json"))).body(new UnreadableBody()).build());

    AtlasMalformedResponseException e = harness.against("transport-body-unreadable", HostileAnswers.created())
        .threw(AtlasMalformedResponseException.class);

    assertThat(e.status()).isEqualTo(201);
    assertThat(e.getMessage()).contains("createPrivateEndpointService").contains("could not be decoded");
    assertThat(e.getCause()).isInstanceOf(IllegalStateException.class);
  }

  /** A transport's body that fails with a runtime exception when read. */
  private static final class UnreadableBody implements feign.Response.Body {
    @Override
    public Integer length() {
      return null;
    }

    @Override
    public boolean isRepeatable() {
      return false;
    }

    @Override
    public java.io.InputStream asInputStream() {
      throw new IllegalStateException("the stream is gone");
    }

    @Override
    public java.io.Reader asReader(java.nio.charset.Charset charset) {
      throw new IllegalStateException("the stream is gone");
    }

    @Override
    public void close() {
      // nothing held
    }
  }

  @Test
  void anEnvelopeWithStatus999_isMalformed() {
    AtlasMalformedResponseException e = harness.againstRaw("envelope-999",
        ScriptedServer.afterChallenge(HostileAnswers.envelopeWithStatus(999)), true)
        .threw(AtlasMalformedResponseException.class);

    assertThat(e.status()).isEqualTo(999);
    assertThat(e.getMessage()).contains("999").contains("not an HTTP status");
  }

  @Test
  void aConnectionClosedWithoutAnAnswer_isAmbiguous_andNotReplayed() {
    Outcome outcome = harness.against("closed-without-answer", (request, wire) -> wire.hangUp());

    assertThat(outcome.threw(AtlasAmbiguousOutcomeException.class).requestMayHaveBeenProcessed()).isTrue();
    assertThat(harness.server.requests().stream().filter(ScriptedServer.Received::authorized))
        .as("authorized sends").hasSize(1);
  }

  @Test
  void aBodyCutShortByAClosedConnection_isAmbiguous_atOnce() {
    Outcome outcome = harness.against("cut-short-100-of-10", HostileAnswers.cutShort(100, 10));

    assertThat(outcome.threw(AtlasAmbiguousOutcomeException.class).requestMayHaveBeenProcessed()).isTrue();
    assertThat(outcome.millis()).as("elapsed ms, well under the deadline").isLessThan(DEADLINE_MILLIS / 2);
  }
}
