package dev.atlasendpoints.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The demo, as a newcomer runs it: no credentials, so it uses the simulator, and exits 0. */
class DemoTest {

  @Test
  void withoutCredentials_theDemoCreatesOneOfEach_absorbsAThrottle_andRefusesBadInput() {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();

    int status = new Demo(new PrintStream(buffer, true, StandardCharsets.UTF_8)).run(AtlasEnvironment.from(Map.of()));

    String output = buffer.toString(StandardCharsets.UTF_8);
    assertThat(status).as(output).isZero();
    assertThat(output).contains("using the local Atlas simulator")
        .contains("createPrivateEndpointConnection ").contains("createPrivateEndpointService ")
        .contains("createPrivateEndpoint ").contains("createServerlessPrivateEndpoint ")
        .contains("createServerlessPrivateEndpointV1 ")
        .contains("Atlas throttled that call with 429")
        .contains("body.comment: is 81 characters long (maxLength 80)")
        .contains("requests that reached Atlas: 0")
        .contains("calls: 5, HTTP exchanges: 7 (digest challenges: 1, retries: 1)")
        .contains("atlas_client_calls_seconds_count{operation=\"createPrivateEndpointService\"")
        .doesNotContain("demo-private-key");
  }

  @Test
  void withCredentialsButNoProject_theDemoSaysWhatIsMissing() {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();

    int status = new Demo(new PrintStream(buffer, true, StandardCharsets.UTF_8)).run(AtlasEnvironment.from(
        Map.of("ATLAS_PUBLIC_KEY", "pub", "ATLAS_PRIVATE_KEY", "very-secret")));

    assertThat(status).isEqualTo(2);
    assertThat(buffer.toString(StandardCharsets.UTF_8)).contains("ATLAS_PROJECT_ID").doesNotContain("very-secret");
  }
}
