package dev.atlasendpoints.core.internal;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.atlasendpoints.core.Responses;
import dev.atlasendpoints.core.errors.AtlasMalformedResponseException;
import dev.atlasendpoints.generated.model.ApiResponse;
import feign.Response;
import feign.codec.Decoder;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decodes 2xx answers into the generated models: bounded in size, JSON media types only, and
 * {@code ApiResponse<T>} for the {@code ...WithHttpInfo} methods. Anything unusable becomes an
 * {@link AtlasMalformedResponseException}, which says that Atlas did act.
 */
final class AtlasDecoder implements Decoder {

  private final ObjectMapper mapper;
  private final long maxBytes;
  /**
   * A reader per return type, made on its first answer: {@code readValue(body, type)} would resolve
   * the type and look up its root deserializer again on every call. The generated methods have a
   * fixed, small set of return types, so this stays small.
   */
  private final Map<Type, ObjectReader> readers = new ConcurrentHashMap<>();

  AtlasDecoder(ObjectMapper mapper, long maxBytes) {
    this.mapper = mapper;
    this.maxBytes = maxBytes;
  }

  @Override
  public Object decode(Response response, Type type) {
    String operationId = CallResolver.operation(response.request()).operationId();
    if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == ApiResponse.class) {
      Object body = decodeBody(response, parameterized.getActualTypeArguments()[0], operationId);
      return new ApiResponse<>(response.status(), response.headers(), body);
    }
    return decodeBody(response, type, operationId);
  }

  private Object decodeBody(Response response, Type type, String operationId) {
    byte[] body = Responses.readBody(response, maxBytes, operationId);
    if (type == void.class || type == Void.class) {
      return null;
    }
    if (body.length == 0) {
      throw new AtlasMalformedResponseException(operationId, response.status(), "the answer has no body", null);
    }
    String contentType = Responses.header(response.headers(), "Content-Type").orElse("");
    if (!isJson(contentType)) {
      throw new AtlasMalformedResponseException(operationId, response.status(),
          "the answer is not JSON (Content-Type '" + truncate(contentType) + "')", null);
    }
    ObjectReader reader = readers.computeIfAbsent(type, this::readerFor);
    try {
      return reader.readValue(body);
    } catch (JacksonException e) {
      throw new AtlasMalformedResponseException(operationId, response.status(),
          "the answer is not a valid " + reader.getValueType().getRawClass().getSimpleName() + ": "
              + truncate(e.getOriginalMessage()), e);
    } catch (java.io.IOException e) {
      throw new AtlasMalformedResponseException(operationId, response.status(), "the answer could not be read", e);
    }
  }

  private ObjectReader readerFor(Type type) {
    return mapper.readerFor(mapper.getTypeFactory().constructType(type));
  }

  /** {@code application/json}, {@code application/vnd.atlas.<version>+json}, with or without parameters. */
  static boolean isJson(String contentType) {
    String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    return mediaType.equals("application/json") || (mediaType.startsWith("application/") && mediaType.endsWith("+json"));
  }

  private static String truncate(String text) {
    return text == null ? "" : text.length() > 160 ? text.substring(0, 160) + "..." : text;
  }
}
