package dev.atlasendpoints.core.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.RequestTemplate;
import feign.codec.EncodeException;
import feign.codec.Encoder;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

/**
 * Writes request bodies with the runtime type of the object, so that a provider's form (a subclass
 * such as {@code CreateAWSEndpointRequest}) is sent with its own fields and discriminator even where
 * the method declares the base type. (Encoding by the declared type would drop them.)
 */
final class JsonBodyEncoder implements Encoder {

  private final ObjectMapper mapper;

  JsonBodyEncoder(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public void encode(Object body, Type bodyType, RequestTemplate template) {
    try {
      template.body(mapper.writeValueAsBytes(body), StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new EncodeException("the request body could not be written as JSON", e);
    }
  }
}
