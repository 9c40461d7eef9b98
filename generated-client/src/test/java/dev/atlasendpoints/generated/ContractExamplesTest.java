package dev.atlasendpoints.generated;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atlasendpoints.generated.json.AtlasJson;
import dev.atlasendpoints.generated.model.AWSPrivateLinkConnection;
import dev.atlasendpoints.generated.model.ApiError;
import dev.atlasendpoints.generated.model.CloudProvider;
import dev.atlasendpoints.generated.model.EndpointService;
import dev.atlasendpoints.generated.model.PrivateEndpointConnection;
import dev.atlasendpoints.generated.model.ServerlessTenantEndpoint;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every example payload of the Atlas contract decodes into the right model and re-encodes faithfully. */
class ContractExamplesTest {

  private final ObjectMapper mapper = AtlasJson.newMapper();

  @Test
  void legacyConnectionExample_decodesEveryField_andReencodesEquivalently() throws IOException {
    String json = example("private-endpoint-connection.json");

    PrivateEndpointConnection connection = mapper.readValue(json, PrivateEndpointConnection.class);

    assertThat(connection.getId()).isEqualTo("5df264b8f10fab7d2cad2f0d");
    assertThat(connection.getEndpointServiceName())
        .isEqualTo("com.amazonaws.vpce.us-east-1.vpce-svc-0aee615d3fe32c14e");
    assertThat(connection.getErrorMessage()).isNull();
    assertThat(connection.getInterfaceEndpoints()).containsExactly("vpce-08fb7e9319909ec7b");
    assertThat(connection.getStatus()).isEqualTo(PrivateEndpointConnection.StatusEnum.WAITING_FOR_USER);
    assertReencodesEquivalently(json, connection);
  }

  @Test
  void liveEndpointServiceExample_decodesToTheAwsSubtype_withExplicitNullsAsNull() throws IOException {
    String json = example("endpoint-service-aws-live-201.json");

    EndpointService service = mapper.readValue(json, EndpointService.class);

    assertThat(service).isExactlyInstanceOf(AWSPrivateLinkConnection.class);
    AWSPrivateLinkConnection aws = (AWSPrivateLinkConnection) service;
    assertThat(aws.getCloudProvider()).isEqualTo(CloudProvider.AWS);
    assertThat(aws.getId()).isEqualTo("6a793f68c0eb9e7a17715835");
    assertThat(aws.getRegionName()).isEqualTo("EU_WEST_1");
    assertThat(aws.getStatus()).isEqualTo(EndpointService.StatusEnum.INITIATING);
    assertThat(aws.getEndpointServiceName()).isNull();
    assertThat(aws.getSupportedRemoteRegions()).isNull();
    assertThat(aws.getInterfaceEndpoints()).isEmpty();
    assertReencodesEquivalently(json, service);
  }

  @Test
  void serverlessExample_withoutProviderName_decodesToTheCommonForm() throws IOException {
    String json = example("serverless-tenant-endpoint.json");

    ServerlessTenantEndpoint endpoint = mapper.readValue(json, ServerlessTenantEndpoint.class);

    assertThat(endpoint).isExactlyInstanceOf(ServerlessTenantEndpoint.class);
    assertThat(endpoint.getId()).isEqualTo("5f7cac1adf5d6c6306f4b283");
    assertThat(endpoint.getCloudProviderEndpointId()).isEqualTo("vpce-fcac938279cd98dc894");
    assertThat(endpoint.getComment()).isEqualTo("example comment");
    assertThat(endpoint.getEndpointServiceName())
        .isEqualTo("com.amazonaws.vpce.us-east-1.vpce-svc-0afd34ee97e30d43f");
    assertThat(endpoint.getErrorMessage()).isNull();
    assertThat(endpoint.getStatus()).isEqualTo(ServerlessTenantEndpoint.StatusEnum.AVAILABLE);
    assertThat(endpoint.getProviderName()).isNull();
    // Encoding a base-typed object writes Jackson's type id for the base class, so compare without it.
    JsonNode reencoded = mapper.valueToTree(endpoint);
    ((ObjectNode) reencoded).remove("providerName");
    assertThat(withoutNulls(reencoded)).isEqualTo(withoutNulls(mapper.readTree(json)));
    assertThat(mapper.writeValueAsString(endpoint)).contains("\"_id\":\"5f7cac1adf5d6c6306f4b283\"");
  }

  @Test
  void rateLimitedErrorExample_keepsMixedParameters() throws IOException {
    String json = example("api-error-rate-limited.json");

    ApiError error = mapper.readValue(json, ApiError.class);

    assertThat(error.getError()).isEqualTo(429);
    assertThat(error.getErrorCode()).isEqualTo("RATE_LIMITED_TOKEN_BUCKET");
    assertThat(error.getReason()).isEqualTo("Too Many Requests");
    assertThat(error.getDetail()).startsWith("Rate limit exceeded for api/atlas/v2/orgs.");
    assertThat(error.getParameters()).isEqualTo(List.of("api/atlas/v2/orgs", 55, 10, 5, 60));
    assertThat(error.getBadRequestDetail()).isNull();
    assertReencodesEquivalently(json, error);
  }

  private void assertReencodesEquivalently(String original, Object decoded) throws IOException {
    JsonNode reencoded = mapper.valueToTree(decoded);
    assertThat(withoutNulls(reencoded)).isEqualTo(withoutNulls(mapper.readTree(original)));
  }

  /**
   * Explicit nulls and absent fields mean the same to Atlas; the mapper does not send nulls, so
   * equivalence is judged with them removed.
   */
  static JsonNode withoutNulls(JsonNode node) {
    JsonNode copy = node.deepCopy();
    strip(copy);
    return copy;
  }

  private static void strip(JsonNode node) {
    if (node instanceof ObjectNode object) {
      for (Iterator<java.util.Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
        var field = it.next();
        if (field.getValue().isNull()) {
          it.remove();
        } else {
          strip(field.getValue());
        }
      }
    } else if (node instanceof ArrayNode array) {
      array.forEach(ContractExamplesTest::strip);
    }
  }

  static String example(String name) throws IOException {
    try (InputStream in = ContractExamplesTest.class.getResourceAsStream("/contract-examples/" + name)) {
      assertThat(in).as("example %s", name).isNotNull();
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }
}
