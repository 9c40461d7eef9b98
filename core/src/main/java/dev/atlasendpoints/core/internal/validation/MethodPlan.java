package dev.atlasendpoints.core.internal.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atlasendpoints.core.errors.AtlasInvalidRequestException.Violation;
import dev.atlasendpoints.core.errors.AtlasInvalidRequestException;
import dev.atlasendpoints.core.internal.CallResolver;
import dev.atlasendpoints.core.internal.SpecIndex;
import dev.atlasendpoints.core.internal.SpecOperation;
import feign.Param;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;

/**
 * How the arguments of one generated API method map onto its spec operation, and the check of a
 * call's arguments against the spec's rules before anything is sent.
 */
public final class MethodPlan {

  private final String operationId;
  private final SpecOperation operation;
  private final String[] parameterNames;
  private final int bodyIndex;
  private final SchemaValidator validator;

  private MethodPlan(String operationId, SpecOperation operation, String[] parameterNames, int bodyIndex,
      SchemaValidator validator) {
    this.operationId = operationId;
    this.operation = operation;
    this.parameterNames = parameterNames;
    this.bodyIndex = bodyIndex;
    this.validator = validator;
  }

  /** The plan of a generated method; fails when the method's operation is not in the spec. */
  public static MethodPlan of(Method method, SpecIndex spec) {
    String operationId = CallResolver.operationIdOf(method);
    SpecOperation operation = spec.operation(operationId).orElseThrow(() -> new IllegalArgumentException(
        method + " is not an operation of the spec (" + operationId + ")"));
    Parameter[] parameters = method.getParameters();
    String[] names = new String[parameters.length];
    int body = -1;
    for (int i = 0; i < parameters.length; i++) {
      if (parameters[i].isAnnotationPresent(Param.class)) {
        names[i] = parameters[i].getAnnotation(Param.class).value();
      } else {
        body = i; // the generated interfaces have one unannotated parameter at most: the body
      }
    }
    return new MethodPlan(operationId, operation, names, body, new SchemaValidator(spec));
  }

  public String operationId() {
    return operationId;
  }

  /**
   * Throws {@link AtlasInvalidRequestException} naming every broken rule; returns when all hold.
   *
   * @param sentBody the body as it will be sent (the encoded body argument read back), {@code null} for none
   */
  public void check(Object[] args, JsonNode sentBody) {
    List<Violation> violations = new ArrayList<>();
    Object[] arguments = args == null ? new Object[0] : args;
    for (int i = 0; i < arguments.length; i++) {
      if (parameterNames[i] != null) {
        checkParameter(parameterNames[i], arguments[i], violations);
      }
    }
    if (bodyIndex >= 0) {
      checkBody(sentBody, violations);
    }
    if (!violations.isEmpty()) {
      throw new AtlasInvalidRequestException(operationId, violations);
    }
  }

  private void checkParameter(String name, Object value, List<Violation> out) {
    JsonNode parameter = operation.parameters().get(name);
    if (parameter == null) {
      out.add(new Violation(name, "parameters", "is not a parameter of " + operationId));
      return;
    }
    if (value == null) {
      if (parameter.path("required").asBoolean(false)) {
        out.add(new Violation(name, "required", "is required"));
      }
      return;
    }
    JsonNode json = value instanceof Boolean flag
        ? com.fasterxml.jackson.databind.node.BooleanNode.valueOf(flag)
        : com.fasterxml.jackson.databind.node.TextNode.valueOf(value.toString());
    if (json.isTextual() && "boolean".equals(parameter.path("schema").path("type").asText())) {
      String text = json.asText();
      json = text.equals("true") || text.equals("false")
          ? com.fasterxml.jackson.databind.node.BooleanNode.valueOf(Boolean.parseBoolean(text))
          : json;
    }
    out.addAll(validator.validate(json, parameter.get("schema"), name));
  }

  private void checkBody(JsonNode body, List<Violation> out) {
    if (body == null) {
      if (operation.requestBodyRequired()) {
        out.add(new Violation("body", "required", "is required"));
      }
      return;
    }
    out.addAll(validator.validate(body, operation.requestBodySchema(), "body"));
  }
}
