package dev.atlasendpoints.generated.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON settings under which the generated models decode what the live Atlas service sends.
 *
 * <p>Hand-written, beside the generated code, because these settings are part of what makes the
 * models correct: a plain {@code new ObjectMapper()} fails on the first unknown field.
 *
 * <ul>
 *   <li>unknown fields are ignored (the service adds fields over time);
 *   <li>an unknown discriminator value (a provider this SDK does not know yet) or a missing one
 *       decodes to the base type instead of {@code null};
 *   <li>an unknown enum value decodes to {@code UNKNOWN_DEFAULT_OPEN_API} and its text is kept in
 *       the model's {@code getUnrecognizedEnumValues()};
 *   <li>{@code null} fields are not sent, so an optional field left unset stays absent.
 * </ul>
 */
public final class AtlasJson {

  private AtlasJson() {}

  /**
   * @return a new mapper with the settings above; callers may keep and share it (it is thread-safe)
   */
  public static ObjectMapper newMapper() {
    return JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .addModule(new UnrecognizedEnumValuesModule())
        .enable(MapperFeature.USE_BASE_TYPE_AS_DEFAULT_IMPL)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .serializationInclusion(JsonInclude.Include.NON_NULL)
        .build();
  }
}
