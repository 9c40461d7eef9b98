package dev.atlasendpoints.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Answers cannot change once built: not through their body, their headers, or what they were built from. */
class SimulatorResponseTest {

  @Test
  void withHeader_returnsANewAnswer_andLeavesTheOriginalAlone() {
    SimulatorResponse original = SimulatorResponse.error(503, "SERVICE_UNAVAILABLE", "Service Unavailable", "x");

    SimulatorResponse withRetryAfter = original.withHeader("Retry-After", "7");

    assertThat(original.headers()).isEmpty();
    assertThat(withRetryAfter.headers()).containsExactly(Map.entry("Retry-After", "7"));
    assertThat(withRetryAfter.body()).isEqualTo(original.body());
  }

  @Test
  void theBody_isCopiedInAndOut() {
    ObjectNode resource = JsonNodeFactory.instance.objectNode().put("status", "INITIATING");
    SimulatorResponse response = SimulatorResponse.json(201, "application/json", resource);

    resource.put("status", "AVAILABLE");
    ((ObjectNode) response.body()).put("status", "FAILED");

    assertThat(response.body().get("status").asText()).isEqualTo("INITIATING");
  }

  @Test
  void theHeaders_areCopied_andCannotBeChanged() {
    List<Map.Entry<String, String>> headers = new ArrayList<>(List.of(Map.entry("A", "1")));
    SimulatorResponse response =
        new SimulatorResponse(200, "application/json", JsonNodeFactory.instance.objectNode(), headers);

    headers.add(Map.entry("B", "2"));

    assertThat(response.headers()).containsExactly(Map.entry("A", "1"));
    assertThatThrownBy(() -> response.headers().add(Map.entry("C", "3")))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void anErrorsParameters_areBuiltIn_withNumbersAsNumbers() {
    SimulatorResponse error = SimulatorResponse.error(429, "RATE_LIMITED_TOKEN_BUCKET", "Too Many Requests", "d",
        "api/atlas/v2/groups/{groupId}/privateEndpoint", 12L, 2);

    assertThat(error.body().get("parameters").toString())
        .isEqualTo("[\"api/atlas/v2/groups/{groupId}/privateEndpoint\",12,2]");
    assertThat(error.contentType()).isEqualTo(SimulatorResponse.ERROR_CONTENT_TYPE);
  }
}
