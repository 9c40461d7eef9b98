package dev.atlasendpoints.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Path parameters come from each operation's template, every one of them has a validation rule, and
 * a path names one operation per method.
 */
class OperationTest {

  @Test
  void pathParameterNames_areTheTemplates_inOrder() {
    assertThat(Operation.CREATE_PRIVATE_ENDPOINT.pathParameterNames())
        .containsExactly("groupId", "cloudProvider", "endpointServiceId");
    assertThat(Operation.CREATE_SERVERLESS_PRIVATE_ENDPOINT.pathParameterNames())
        .containsExactly("groupId", "instanceName");
    assertThat(Operation.CREATE_PRIVATE_ENDPOINT_SERVICE.pathParameterNames()).containsExactly("groupId");
    assertThat(Operation.GET_PRIVATE_ENDPOINT.pathParameterNames())
        .containsExactly("groupId", "cloudProvider", "endpointServiceId", "endpointId");
  }

  @ParameterizedTest
  @EnumSource(Operation.class)
  void aConcretePath_matchesNoOtherOperationOfTheSameMethod(Operation operation) {
    String path = operation.pathTemplate()
        .replace("{groupId}", "32b6e34b3d91647abb20e7b8")
        .replace("{cloudProvider}", "AWS")
        .replace("{endpointServiceId}", "6a793f68c0eb9e7a17715835")
        .replace("{instanceName}", "instance-1")
        .replace("{endpointId}", "6a793f68c0eb9e7a17715836")
        .replace("{privateLinkId}", "6a793f68c0eb9e7a17715837");

    assertThat(Arrays.stream(Operation.values())
        .filter(o -> o.method().equals(operation.method()) && o.pathPattern().matcher(path).matches()))
        .containsExactly(operation);
  }

  @Test
  void endpointId_isAnObjectIdForServerlessEndpoints_butLooseForPrivateEndpoints() {
    FieldViolations serverless = new FieldViolations();
    FieldViolations azure = new FieldViolations();
    FieldViolations empty = new FieldViolations();

    RequestRules.checkPath(Operation.GET_SERVERLESS_PRIVATE_ENDPOINT, Map.of("endpointId", "vpce-1"), serverless);
    RequestRules.checkPath(Operation.GET_PRIVATE_ENDPOINT,
        Map.of("endpointId", "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/privateEndpoints/pe1"),
        azure);
    RequestRules.checkPath(Operation.GET_PRIVATE_ENDPOINT, Map.of("endpointId", ""), empty);

    assertThat(serverless.isEmpty()).isFalse();
    assertThat(azure.isEmpty()).isTrue();
    assertThat(empty.isEmpty()).isFalse();
  }

  @ParameterizedTest
  @EnumSource(Operation.class)
  void everyPathParameter_hasAValidationRule(Operation operation) {
    for (String name : operation.pathParameterNames()) {
      assertThatCode(() -> RequestRules.checkPath(operation, Map.of(name, "x"), new FieldViolations()))
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
