package dev.atlasendpoints.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atlasendpoints.generated.api.PrivateEndpointServicesApi;
import dev.atlasendpoints.generated.api.ServerlessPrivateEndpointsApi;
import feign.Body;
import feign.Contract;
import feign.Feign;
import feign.HeaderMap;
import feign.Headers;
import feign.MethodMetadata;
import feign.Param;
import feign.QueryMap;
import feign.Request;
import feign.RequestLine;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The precomputed request plans build, for every generated method, the same method and URL that
 * Feign's own template resolution builds from the same annotations, for awkward values too, except
 * for values already percent-encoded: Feign passed those through, the plans encode them again.
 */
class RequestPlanTest {

  private static final String BASE = "https://cloud.example/prefix";

  @ParameterizedTest
  @ValueSource(strings = {"32b6e34b3d91647abb20e7b8", "/subscriptions/0-1/resourceGroups/rg 1/pe?x=1&y=#z",
      "per%cent+plus", "ünïcödé-€", "a.b_c~d-e"})
  void everyMethod_buildsTheUrlFeignWould(String value) throws Exception {
    List<String> compared = new ArrayList<>();
    for (Class<?> api : List.of(PrivateEndpointServicesApi.class, ServerlessPrivateEndpointsApi.class)) {
      for (MethodMetadata metadata : new Contract.Default().parseAndValidateMetadata(api)) {
        for (Boolean flag : new Boolean[] {null, Boolean.TRUE}) {
          Object[] args = arguments(metadata.method(), value, flag);
          Request ours = RequestPlan.of(BASE, metadata, SpecIndex.instance()
              .operation(CallResolver.operationIdOf(metadata.method())).orElseThrow(), "test-agent")
              .request(args, null);
          Request feigns = feignsRequest(api, metadata.method(), args);

          assertThat(ours.httpMethod()).isEqualTo(feigns.httpMethod());
          assertThat(ours.url()).as(metadata.configKey()).isEqualTo(feigns.url());
          assertThat(CallResolver.operation(ours).operationId())
              .isEqualTo(CallResolver.operationIdOf(metadata.method()));
          compared.add(ours.url());
        }
      }
    }
    assertThat(compared).hasSizeGreaterThan(20);
  }

  @ParameterizedTest
  @ValueSource(strings = {"a%2Fb", "%41%42"})
  void anAlreadyEncodedValue_isTakenAsItIs_andEncodedAgain(String value) throws Exception {
    for (Class<?> api : List.of(PrivateEndpointServicesApi.class, ServerlessPrivateEndpointsApi.class)) {
      for (MethodMetadata metadata : new Contract.Default().parseAndValidateMetadata(api)) {
        Object[] args = arguments(metadata.method(), value, null);
        Request ours = RequestPlan.of(BASE, metadata, SpecIndex.instance()
            .operation(CallResolver.operationIdOf(metadata.method())).orElseThrow(), "test-agent")
            .request(args, null);
        Request feigns = feignsRequest(api, metadata.method(), args);

        String twice = value.replace("%", "%25");
        assertThat(ours.url()).as(metadata.configKey()).contains("/" + twice).doesNotContain("/" + value);
        assertThat(feigns.url()).as("Feign, for contrast").contains("/" + value);
      }
    }
  }

  interface SlashDecoding {
    @RequestLine("GET /api/{id}")
    String get(@Param("id") String id);
  }

  interface Expanding {
    @RequestLine(value = "GET /api/{id}", decodeSlash = false)
    String get(@Param(value = "id", expander = Upper.class) String id);
  }

  interface WithQueryMap {
    @RequestLine(value = "GET /api", decodeSlash = false)
    String get(@QueryMap Map<String, Object> query);
  }

  interface WithHeaderMap {
    @RequestLine(value = "GET /api", decodeSlash = false)
    String get(@HeaderMap Map<String, Object> headers);
  }

  interface WithUri {
    @RequestLine(value = "GET /api", decodeSlash = false)
    String get(URI base);
  }

  interface WithBodyTemplate {
    @RequestLine(value = "POST /api", decodeSlash = false)
    @Body("{name}")
    String post(@Param("name") String name);
  }

  @Headers("X-Interface: 1")
  interface InterfaceHeaders {
    @RequestLine(value = "GET /api", decodeSlash = false)
    String get();
  }

  interface RepeatedHeader {
    @RequestLine(value = "GET /api", decodeSlash = false)
    @Headers({"X-Twice: 1", "x-twice: 2"})
    String get();
  }

  interface HeaderExpression {
    @RequestLine(value = "GET /api/{id}", decodeSlash = false)
    @Headers("X-Id: {id}")
    String get(@Param("id") String id);
  }

  /** Stands for any expander. */
  static final class Upper implements Param.Expander {
    @Override
    public String expand(Object value) {
      return value.toString().toUpperCase(java.util.Locale.ROOT);
    }
  }

  @ParameterizedTest
  @MethodSource("featuresNotCarriedOut")
  void aFeignFeatureThePlanDoesNotCarryOut_isRefused_namingIt(Class<?> api, String named) {
    MethodMetadata metadata = new Contract.Default().parseAndValidateMetadata(api).get(0);
    SpecOperation anyOperation = SpecIndex.instance().operation("getPrivateEndpointService").orElseThrow();

    assertThatThrownBy(() -> RequestPlan.of(BASE, metadata, anyOperation, "test-agent"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(api.getSimpleName()).hasMessageContaining(named);
  }

  static Stream<Arguments> featuresNotCarriedOut() {
    return Stream.of(Arguments.of(SlashDecoding.class, "decodeSlash"), Arguments.of(Expanding.class, "expander"),
        Arguments.of(WithQueryMap.class, "@QueryMap"),
        Arguments.of(WithHeaderMap.class, "@HeaderMap"), Arguments.of(WithUri.class, "URI parameter"),
        Arguments.of(WithBodyTemplate.class, "@Body"), Arguments.of(InterfaceHeaders.class, "on the interface"),
        Arguments.of(RepeatedHeader.class, "more than once"), Arguments.of(HeaderExpression.class, "expression"));
  }

  private static Object[] arguments(Method method, String text, Boolean flag) throws Exception {
    Parameter[] parameters = method.getParameters();
    Object[] args = new Object[parameters.length];
    for (int i = 0; i < parameters.length; i++) {
      Class<?> type = parameters[i].getType();
      if (type == String.class) {
        args[i] = text;
      } else if (type == Boolean.class) {
        args[i] = flag;
      } else if (type.isEnum()) {
        args[i] = type.getEnumConstants()[0];
      } else {
        args[i] = type.getDeclaredConstructor().newInstance(); // the body: not part of the URL
      }
    }
    return args;
  }

  private static Request feignsRequest(Class<?> api, Method method, Object[] args) throws Exception {
    AtomicReference<Request> sent = new AtomicReference<>();
    Object target = Feign.builder().encoder((body, type, template) -> { })
        .client((request, options) -> {
          sent.set(request);
          throw new IllegalStateException("captured");
        }).target(api, BASE);
    try {
      method.invoke(target, args);
    } catch (java.lang.reflect.InvocationTargetException expected) {
      if (sent.get() == null) {
        throw new AssertionError("Feign built no request", expected.getCause());
      }
    }
    return sent.get();
  }
}
