package dev.atlasendpoints.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Path parameters come from each operation's template, and every one of them has a validation rule. */
class OperationTest {

  @Test
  void pathParameterNames_areTheTemplates_inOrder() {
    assertThat(Operation.CREATE_PRIVATE_ENDPOINT.pathParameterNames())
        .containsExactly("groupId", "cloudProvider", "endpointServiceId");
    assertThat(Operation.CREATE_SERVERLESS_PRIVATE_ENDPOINT.pathParameterNames())
        .containsExactly("groupId", "instanceName");
    assertThat(Operation.CREATE_PRIVATE_ENDPOINT_SERVICE.pathParameterNames()).containsExactly("groupId");
  }

  @ParameterizedTest
  @EnumSource(Operation.class)
  void everyPathParameter_hasAValidationRule(Operation operation) {
    for (String name : operation.pathParameterNames()) {
      assertThatCode(() -> RequestRules.checkPath(Map.of(name, "x"), new FieldViolations()))
          .as("RequestRules.checkPath has a rule for %s, a path parameter of %s", name, operation.operationId())
          .doesNotThrowAnyException();
    }
  }

  @ParameterizedTest
  @EnumSource(Operation.class)
  void thePathPattern_capturesEachParameter(Operation operation) {
    String path = operation.pathTemplate().replaceAll("\\{(\\w+)}", "value-of-$1");

    var matcher = operation.pathPattern().matcher(path);

    assertThat(matcher.matches()).isTrue();
    for (String name : operation.pathParameterNames()) {
      assertThat(matcher.group(name)).isEqualTo("value-of-" + name);
    }
  }
}
