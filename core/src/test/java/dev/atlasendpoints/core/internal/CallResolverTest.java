package dev.atlasendpoints.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atlasendpoints.core.AtlasCall;
import dev.atlasendpoints.core.AtlasOperation;
import feign.Request;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How core places the requests it sends itself, and projects behind a base URL with a path. */
class CallResolverTest {

  private static Request post(String url) {
    return Request.create(Request.HttpMethod.POST, url, Map.of(), new byte[0], StandardCharsets.UTF_8, null);
  }

  @Test
  void tokenRequests_arePlacedByTheirFixedPaths() {
    assertThat(CallResolver.call(post("https://cloud.mongodb.com/api/oauth/token")))
        .isEqualTo(new AtlasCall(AtlasOperation.SERVICE_ACCOUNT_TOKEN, null));
    assertThat(CallResolver.call(post("http://127.0.0.1:8080/prefix/api/oauth/revoke")).operation())
        .isEqualTo(AtlasOperation.REVOKE_SERVICE_ACCOUNT_TOKEN);
  }

  @Test
  void aRequestNoOperationExplains_isUnknown_neverNull() {
    AtlasCall call = CallResolver.call(post("https://cloud.mongodb.com/api/atlas/v2/orgs?x=1"));

    assertThat(call.operation()).isSameAs(AtlasOperation.UNKNOWN);
    assertThat(call.projectId()).isNull();
  }

  @Test
  void theProject_isFoundByTheOperationsTemplate_behindABaseUrlWithAPath() {
    feign.MethodMetadata metadata = new feign.Contract.Default()
        .parseAndValidateMetadata(dev.atlasendpoints.generated.api.PrivateEndpointServicesApi.class).stream()
        .filter(m -> m.method().getName().equals("createPrivateEndpointService")).findFirst().orElseThrow();
    feign.RequestTemplate template = new feign.RequestTemplate().methodMetadata(metadata);
    Request request = Request.create(Request.HttpMethod.POST,
        "https://proxy.example/groups/zzz/api/atlas/v2/groups/32b6e34b3d91647abb20e7b8/privateEndpoint/endpointService"
            + "?envelope=true&pretty=false", Map.of(), new byte[0], StandardCharsets.UTF_8, template);

    AtlasCall call = CallResolver.call(request);

    assertThat(call.operation().operationId()).isEqualTo("createPrivateEndpointService");
    assertThat(call.projectId()).isEqualTo("32b6e34b3d91647abb20e7b8");
  }
}
