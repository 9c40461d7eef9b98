package dev.atlasendpoints.core.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atlasendpoints.core.errors.AtlasException;
import dev.atlasendpoints.core.errors.AtlasMalformedResponseException;
import dev.atlasendpoints.core.internal.validation.MethodPlan;
import feign.FeignException;
import feign.RetryableException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Stands in front of a Feign-built API: checks every call's arguments against the spec before any
 * I/O, and hands callers the SDK's exceptions rather than Feign's wrappers. Default methods (the
 * generated overloads without optional parameters) run against this proxy, so the full method they
 * call passes through here too.
 */
final class ValidatingApiHandler implements InvocationHandler {

  private final Object target;
  private final Map<Method, MethodPlan> plans;
  private final ObjectMapper mapper;
  private final BooleanSupplier closed;

  private ValidatingApiHandler(Object target, Map<Method, MethodPlan> plans, ObjectMapper mapper,
      BooleanSupplier closed) {
    this.target = target;
    this.plans = plans;
    this.mapper = mapper;
    this.closed = closed;
  }

  static <T> T wrap(Class<T> api, T target, SpecIndex spec, ObjectMapper mapper, BooleanSupplier closed) {
    Map<Method, MethodPlan> plans = new HashMap<>();
    for (Method method : api.getMethods()) {
      if (method.isAnnotationPresent(feign.RequestLine.class)) {
        plans.put(method, MethodPlan.of(method, spec));
      }
    }
    Object proxy = Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[] {api},
        new ValidatingApiHandler(target, Map.copyOf(plans), mapper, closed));
    return api.cast(proxy);
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    if (method.getDeclaringClass() == Object.class) {
      return switch (method.getName()) {
        case "equals" -> proxy == args[0];
        case "hashCode" -> System.identityHashCode(proxy);
        case "toString" -> "AtlasApi[" + target + "]";
        default -> method.invoke(target, args);
      };
    }
    if (method.isDefault()) {
      // A generated overload without the optional parameters. Run it on this proxy, not on Feign's:
      // Feign would bind it to its own proxy, and the full method it calls would skip validation.
      return InvocationHandler.invokeDefault(proxy, method, args);
    }
    if (closed.getAsBoolean()) {
      throw new IllegalStateException("this AtlasClient is closed; build a new one");
    }
    MethodPlan plan = plans.get(method);
    if (plan != null) {
      plan.check(args, mapper);
    }
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw translate(e.getCause(), plan == null ? method.getName() : plan.operationId());
    }
  }

  /** Feign wraps what the pipeline and decoders throw; callers get the SDK's own exception. */
  static Throwable translate(Throwable thrown, String operationId) {
    for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
      if (cause instanceof AtlasException atlas) {
        return atlas;
      }
    }
    if (thrown instanceof RetryableException retryable && retryable.getCause() instanceof java.io.IOException io) {
      return TransportErrors.translate(operationId, io);
    }
    if (thrown instanceof FeignException feign) {
      return new AtlasMalformedResponseException(operationId, feign.status(),
          "the answer could not be handled (" + feign.getClass().getSimpleName() + ")", feign);
    }
    return thrown;
  }
}
