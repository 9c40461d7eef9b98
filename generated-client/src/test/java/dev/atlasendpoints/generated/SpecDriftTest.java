package dev.atlasendpoints.generated;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.atlasendpoints.generated.api.PrivateEndpointServicesApi;
import dev.atlasendpoints.generated.api.ServerlessPrivateEndpointsApi;
import feign.Headers;
import feign.Param;
import feign.QueryMap;
import feign.RequestLine;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reads the OpenAPI document at test time and checks that the generated interfaces expose exactly
 * its operations: method, path, parameters, media types and deprecation.
 */
class SpecDriftTest {

  static final String SPEC_RESOURCE = "/dev/atlasendpoints/spec/atlas-private-endpoints.yaml";
  static final List<Class<?>> GENERATED_APIS =
      List.of(PrivateEndpointServicesApi.class, ServerlessPrivateEndpointsApi.class);

  record SpecOperation(
      String operationId,
      String httpMethod,
      String path,
      Set<String> pathParameters,
      Set<String> queryParameters,
      Set<String> optionalParameters,
      String requestMediaType,
      Set<String> successMediaTypes,
      boolean deprecated) {}

  record GeneratedOperation(
      String name,
      String httpMethod,
      String path,
      Set<String> pathParameters,
      Set<String> queryParameters,
      Map<String, String> headers,
      boolean deprecated) {}

  private static Map<String, SpecOperation> specOperations;
  private static Map<String, GeneratedOperation> generatedOperations;

  @BeforeAll
  static void readBothSides() throws IOException {
    specOperations = readSpec();
    generatedOperations = Arrays.stream(GENERATED_APIS.toArray(Class<?>[]::new))
        .flatMap(api -> Arrays.stream(api.getMethods()))
        .filter(SpecDriftTest::isPlainOperationMethod)
        .map(SpecDriftTest::describe)
        .collect(Collectors.toMap(GeneratedOperation::name, Function.identity(), (a, b) -> {
          throw new AssertionError("two plain methods named " + a.name());
        }, TreeMap::new));
  }

  @Test
  void theSpecDeclaresTheOperationsOfTheContract() {
    assertThat(specOperations.keySet()).containsExactlyInAnyOrder(
        "createPrivateEndpointConnection",
        "createPrivateEndpoint",
        "createServerlessPrivateEndpointV1",
        "createPrivateEndpointService",
        "createServerlessPrivateEndpoint",
        "listPrivateEndpointService", "listPrivateEndpointServiceV1",
        "getPrivateEndpointService", "getPrivateEndpointServiceV1",
        "getPrivateEndpoint", "getPrivateEndpointV1",
        "listServerlessPrivateEndpoint", "listServerlessPrivateEndpointV1",
        "getServerlessPrivateEndpoint", "getServerlessPrivateEndpointV1",
        "listPrivateEndpointConnections", "getPrivateEndpointConnection");
  }

  @Test
  void readsAreGets_withoutABody_andCreatesArePosts_withOne() {
    specOperations.values().forEach(spec -> {
      boolean read = spec.operationId().startsWith("get") || spec.operationId().startsWith("list");
      assertThat(spec.httpMethod()).as(spec.operationId()).isEqualTo(read ? "GET" : "POST");
      assertThat(spec.requestMediaType() == null).as("%s has no body", spec.operationId()).isEqualTo(read);
    });
  }

  @Test
  void generatedInterfacesExposeExactlyTheSpecsOperations() {
    assertThat(generatedOperations.keySet()).isEqualTo(new TreeSet<>(specOperations.keySet()));
  }

  @Test
  void everyOperationHasTheSpecsMethodPathAndParameters() {
    specOperations.values().forEach(spec -> {
      GeneratedOperation generated = generatedOperations.get(spec.operationId());
      assertThat(generated).as(spec.operationId()).isNotNull();
      assertThat(generated.httpMethod()).as("%s method", spec.operationId()).isEqualTo(spec.httpMethod());
      assertThat(generated.path()).as("%s path", spec.operationId()).isEqualTo(spec.path());
      assertThat(generated.pathParameters()).as("%s path parameters", spec.operationId())
          .isEqualTo(spec.pathParameters());
      assertThat(generated.queryParameters()).as("%s query parameters", spec.operationId())
          .isEqualTo(spec.queryParameters());
      assertThat(generated.deprecated()).as("%s deprecated", spec.operationId()).isEqualTo(spec.deprecated());
    });
  }

  @Test
  void everyOperationSendsTheSpecsMediaTypes() {
    specOperations.values().forEach(spec -> {
      Map<String, String> headers = generatedOperations.get(spec.operationId()).headers();
      assertThat(headers.get("Content-Type")).as("%s Content-Type", spec.operationId())
          .isEqualTo(spec.requestMediaType()); // none for a read
      assertThat(Arrays.asList(headers.get("Accept").split(","))).as("%s Accept", spec.operationId())
          .containsAll(spec.successMediaTypes());
    });
  }

  @Test
  void versionedMediaTypeOnV2_plainJsonOnV1() {
    specOperations.values().forEach(spec -> {
      String expected = spec.path().startsWith("/api/atlas/v2/")
          ? "application/vnd.atlas.2023-01-01+json"
          : "application/json";
      if (spec.requestMediaType() != null) {
        assertThat(spec.requestMediaType()).as(spec.operationId()).isEqualTo(expected);
      }
      assertThat(spec.successMediaTypes()).as(spec.operationId()).containsExactly(expected);
    });
  }

  @Test
  void everyOperationWithOptionalParameters_hasOverloadsWithoutThem() {
    specOperations.values().forEach(spec -> {
      assertThat(spec.optionalParameters()).as("%s optional parameters", spec.operationId()).isNotEmpty();
      for (String name : List.of(spec.operationId(), spec.operationId() + "WithHttpInfo")) {
        Method full = fullMethod(name);
        List<Class<?>> required = new ArrayList<>();
        for (java.lang.reflect.Parameter parameter : full.getParameters()) {
          Param param = parameter.getAnnotation(Param.class);
          if (param == null || !spec.optionalParameters().contains(param.value())) {
            required.add(parameter.getType());
          }
        }
        Method overload = overload(full.getDeclaringClass(), name, required);
        assertThat(overload.isDefault()).as("%s without optional parameters is a default method", name).isTrue();
        assertThat(overload.getReturnType()).as(name).isEqualTo(full.getReturnType());
        assertThat(overload.isAnnotationPresent(Deprecated.class)).as("%s deprecated", name)
            .isEqualTo(spec.deprecated());
      }
    });
  }

  private static Method fullMethod(String name) {
    return GENERATED_APIS.stream().flatMap(api -> Arrays.stream(api.getMethods()))
        .filter(m -> m.getName().equals(name) && m.isAnnotationPresent(RequestLine.class))
        .findFirst().orElseThrow(() -> new AssertionError("no generated method " + name));
  }

  private static Method overload(Class<?> api, String name, List<Class<?>> parameterTypes) {
    try {
      return api.getMethod(name, parameterTypes.toArray(Class<?>[]::new));
    } catch (NoSuchMethodException e) {
      throw new AssertionError("no overload " + name + parameterTypes + " in " + api.getSimpleName(), e);
    }
  }

  /** The plain form of each operation: not the WithHttpInfo twin, not the QueryMap variant. */
  private static boolean isPlainOperationMethod(Method method) {
    return method.isAnnotationPresent(RequestLine.class)
        && !method.getName().endsWith("WithHttpInfo")
        && Arrays.stream(method.getParameters()).noneMatch(p -> p.isAnnotationPresent(QueryMap.class));
  }

  private static GeneratedOperation describe(Method method) {
    String requestLine = method.getAnnotation(RequestLine.class).value();
    String httpMethod = requestLine.substring(0, requestLine.indexOf(' '));
    String target = requestLine.substring(requestLine.indexOf(' ') + 1);
    String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
    Set<String> query = target.contains("?")
        ? Arrays.stream(target.substring(target.indexOf('?') + 1).split("&"))
            .map(pair -> pair.substring(0, pair.indexOf('=')))
            .collect(Collectors.toCollection(TreeSet::new))
        : new TreeSet<>();
    Set<String> pathParams = Arrays.stream(method.getParameters())
        .filter(p -> p.isAnnotationPresent(Param.class))
        .map(p -> p.getAnnotation(Param.class).value())
        .filter(name -> path.contains("{" + name + "}"))
        .collect(Collectors.toCollection(TreeSet::new));
    Map<String, String> headers = Arrays.stream(method.getAnnotation(Headers.class).value())
        .collect(Collectors.toMap(h -> h.substring(0, h.indexOf(':')).trim(), h -> h.substring(h.indexOf(':') + 1).trim()));
    return new GeneratedOperation(method.getName(), httpMethod, path, pathParams, query, headers,
        method.isAnnotationPresent(Deprecated.class));
  }

  static Map<String, SpecOperation> readSpec() throws IOException {
    JsonNode root;
    try (InputStream in = SpecDriftTest.class.getResourceAsStream(SPEC_RESOURCE)) {
      assertThat(in).as("the spec on the classpath").isNotNull();
      root = new ObjectMapper(new YAMLFactory()).readTree(in);
    }
    Map<String, SpecOperation> operations = new TreeMap<>();
    root.get("paths").fields().forEachRemaining(pathEntry -> pathEntry.getValue().fields().forEachRemaining(op -> {
      JsonNode operation = op.getValue();
      Set<String> pathParams = new TreeSet<>();
      Set<String> queryParams = new TreeSet<>();
      Set<String> optionalParams = new TreeSet<>();
      operation.path("parameters").forEach(ref -> {
        JsonNode parameter = resolve(root, ref);
        (parameter.get("in").asText().equals("path") ? pathParams : queryParams).add(parameter.get("name").asText());
        if (!parameter.path("required").asBoolean(false)) {
          optionalParams.add(parameter.get("name").asText());
        }
      });
      String requestMediaType = operation.has("requestBody")
          ? operation.get("requestBody").get("content").fieldNames().next()
          : null;
      Set<String> successMediaTypes = new LinkedHashSet<>();
      operation.get("responses").fields().forEachRemaining(response -> {
        if (response.getKey().startsWith("2")) {
          resolve(root, response.getValue()).get("content").fieldNames().forEachRemaining(successMediaTypes::add);
        }
      });
      operations.put(operation.get("operationId").asText(), new SpecOperation(
          operation.get("operationId").asText(), op.getKey().toUpperCase(), pathEntry.getKey(), pathParams,
          queryParams, optionalParams, requestMediaType, successMediaTypes, operation.path("deprecated").asBoolean(false)));
    }));
    return operations;
  }

  private static JsonNode resolve(JsonNode root, JsonNode node) {
    if (!node.has("$ref")) {
      return node;
    }
    JsonNode target = root;
    List<String> steps = new ArrayList<>(Arrays.asList(node.get("$ref").asText().substring(2).split("/")));
    for (String step : steps) {
      target = target.get(step);
    }
    return target;
  }
}
