package dev.atlasendpoints.core.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atlasendpoints.core.Responses;
import dev.atlasendpoints.core.errors.AtlasException;
import dev.atlasendpoints.core.errors.AtlasMalformedResponseException;
import dev.atlasendpoints.core.internal.validation.MethodPlan;
import feign.Client;
import feign.Contract;
import feign.FeignException;
import feign.MethodMetadata;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.lang.reflect.Type;
import java.util.HashMap;
import java.util.Map;

/**
 * Carries out the calls of a generated API interface: checks the arguments against the spec before
 * any I/O, encodes the body once (what is checked is what is sent), builds the request from the
 * method's {@link RequestPlan}, sends it through the client's layers, and decodes the answer or
 * turns it into the SDK's exception.
 *
 * <p>Written by hand in place of Feign's own invocation handler, which resolves its request
 * template anew on every call (see {@link RequestPlan}). Feign still reads and checks the
 * interfaces' annotations, once per interface, and its {@code Client}, {@code Request} and
 * {@code Response} remain what layers and transports see. Default methods of the interfaces (such
 * as overloads without the optional parameters) run as written, calling back through the proxy.
 */
final class ApiHandler implements InvocationHandler {

  /** What one generated method needs on every call. */
  private record Operation(String operationId, RequestPlan request, MethodPlan validation, Type returnType) {}

  private final String name;
  private final Map<Method, Operation> operations;
  private final ClientAssembly.Assembled client;

  private ApiHandler(String name, Map<Method, Operation> operations, ClientAssembly.Assembled client) {
    this.name = name;
    this.operations = operations;
    this.client = client;
  }

  static <T> T wrap(Class<T> api, String baseUrl, ClientAssembly.Assembled client) {
    Map<Method, Operation> operations = new HashMap<>();
    for (MethodMetadata metadata : new Contract.Default().parseAndValidateMetadata(api)) {
      Method method = metadata.method();
      MethodPlan validation = MethodPlan.of(method, client.spec());
      SpecOperation operation = client.spec().operation(validation.operationId()).orElseThrow();
      operations.put(method, new Operation(validation.operationId(),
          RequestPlan.of(baseUrl, metadata, operation, client.userAgent()), validation,
          method.getGenericReturnType()));
    }
    Object proxy = Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[] {api},
        new ApiHandler("AtlasApi[" + api.getSimpleName() + ", " + baseUrl + "]", Map.copyOf(operations), client));
    return api.cast(proxy);
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    if (method.getDeclaringClass() == Object.class) {
      return switch (method.getName()) {
        case "equals" -> proxy == args[0];
        case "hashCode" -> System.identityHashCode(proxy);
        case "toString" -> name;
        default -> throw new UnsupportedOperationException(method.getName());
      };
    }
    if (method.isDefault()) {
      return InvocationHandler.invokeDefault(proxy, method, args);
    }
    if (client.closed().get()) {
      throw new IllegalStateException("this AtlasClient is closed; build a new one");
    }
    Operation operation = operations.get(method);
    if (operation == null) {
      throw new UnsupportedOperationException(method + " is not an operation of the API");
    }
    Object[] arguments = args == null ? new Object[0] : args;
    byte[] body = encodeBody(operation, arguments);
    operation.validation().check(arguments, body == null ? null : sentBody(operation, body));
    Request request = operation.request().request(arguments, body);
    Response response;
    try {
      response = client.pipeline().execute(request, client.options());
    } catch (IOException e) {
      throw TransportErrors.translate(operation.operationId(), e);
    } catch (FeignException e) {
      throw translate(e, operation.operationId());
    }
    return answer(operation, response);
  }

  /** The body argument as JSON, written with its runtime type (a provider's subclass keeps its fields). */
  private byte[] encodeBody(Operation operation, Object[] arguments) {
    int index = operation.request().bodyIndex();
    if (index < 0 || arguments[index] == null) {
      return null;
    }
    try {
      return client.mapper().writeValueAsBytes(arguments[index]);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(operation.operationId() + ": the request body could not be written as JSON",
          e);
    }
  }

  /** The encoded body as the validation reads it; a custom serializer may have written something that is not JSON. */
  private JsonNode sentBody(Operation operation, byte[] body) {
    try {
      return client.mapper().readTree(body);
    } catch (IOException e) {
      throw new IllegalArgumentException(operation.operationId() + ": the request body was not written as valid JSON",
          e);
    }
  }

  /** A 2xx answer decoded into the method's return type; any other becomes an {@code AtlasApiException}. */
  private Object answer(Operation operation, Response response) {
    try {
      if (response.status() >= 200 && response.status() < 300) {
        return operation.returnType() == void.class ? null : decode(operation, response);
      }
      throw client.errors().toException(operation.operationId(), response);
    } finally {
      Responses.discard(response);
    }
  }

  /**
   * The decoder's own failures are already typed; anything else (a transport's body that fails to
   * read, a model that refuses a value) still means an answer came that cannot be used.
   */
  private Object decode(Operation operation, Response response) {
    try {
      return client.decoder().decode(response, operation.returnType());
    } catch (AtlasException typed) {
      throw typed;
    } catch (RuntimeException e) {
      throw new AtlasMalformedResponseException(operation.operationId(), response.status(),
          operation.operationId() + ": the answer could not be decoded (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  /** A layer's Feign exception, as the SDK's own. */
  static RuntimeException translate(FeignException thrown, String operationId) {
    for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
      if (cause instanceof AtlasException atlas) {
        return atlas;
      }
      if (cause instanceof IOException io) {
        return TransportErrors.translate(operationId, io);
      }
    }
    return new AtlasMalformedResponseException(operationId, thrown.status(),
        "the answer could not be handled (" + thrown.getClass().getSimpleName() + ")", thrown);
  }
}
