package dev.atlasendpoints.core.internal;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atlasendpoints.core.Responses;
import dev.atlasendpoints.core.errors.AtlasMalformedResponseException;
import dev.atlasendpoints.generated.model.ApiResponse;
import feign.Response;
import feign.codec.Decoder;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Locale;

/**
 * Decodes 2xx answers into the generated models: bounded in size, JSON media types only, and
 * {@code ApiResponse<T>} for the {@code ...WithHttpInfo} methods. Anything unusable becomes an
 * {@link AtlasMalformedResponseException}, which says that Atlas did act.
 */
final class AtlasDecoder implements Decoder {

  private final ObjectMapper mapper;
  private final long maxBytes;

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
    JavaType javaType = mapper.getTypeFactory().constructType(type);
    try {
      return mapper.readValue(body, javaType);
    } catch (JacksonException e) {
      throw new AtlasMalformedResponseException(operationId, response.status(),
          "the answer is not a valid " + javaType.getRawClass().getSimpleName() + ": "
              + truncate(e.getOriginalMessage()), e);
    } catch (java.io.IOException e) {
      throw new AtlasMalformedResponseException(operationId, response.status(), "the answer could not be read", e);
    }
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
