package dev.atlasendpoints.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * The client reads the JSON form of the spec that the build derives from the hand-written YAML: both
 * must say the same wherever the client looks (operations, media types, deprecation, parameters,
 * body schemas, and every schema the validation follows).
 */
class SpecFormsTest {

  private static JsonNode read(String resource, ObjectMapper mapper) throws IOException {
    try (InputStream in = SpecFormsTest.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return mapper.readTree(in);
    }
  }

  @Test
  void theJsonTheClientReads_saysWhatTheHandWrittenYamlSays() throws IOException {
    JsonNode yaml = read("/dev/atlasendpoints/spec/atlas-private-endpoints.yaml", new ObjectMapper(new YAMLFactory()));
    SpecIndex fromYaml = SpecIndex.of(yaml);
    SpecIndex fromJson = SpecIndex.instance();

    assertThat(fromJson.operations().keySet()).isEqualTo(fromYaml.operations().keySet()).isNotEmpty();
    fromYaml.operations().forEach((id, expected) -> {
      SpecOperation actual = fromJson.operations().get(id);
      assertThat(actual.httpMethod()).as(id).isEqualTo(expected.httpMethod());
      assertThat(actual.pathTemplate()).as(id).isEqualTo(expected.pathTemplate());
      assertThat(actual.requestMediaType()).as(id).isEqualTo(expected.requestMediaType());
      assertThat(actual.successMediaType()).as(id).isEqualTo(expected.successMediaType());
      assertThat(actual.deprecated()).as(id).isEqualTo(expected.deprecated());
      assertThat(actual.requestBodyRequired()).as(id).isEqualTo(expected.requestBodyRequired());
      assertThat(actual.requestBodySchema()).as(id).isEqualTo(expected.requestBodySchema());
      assertThat(actual.parameters().keySet()).as(id).isEqualTo(expected.parameters().keySet());
      expected.parameters().forEach((name, parameter) -> {
        assertThat(actual.parameters().get(name).get("schema")).as(id + " " + name).isEqualTo(parameter.get("schema"));
        assertThat(actual.parameters().get(name).path("required")).as(id + " " + name)
            .isEqualTo(parameter.path("required"));
      });
    });
    yaml.path("components").path("schemas").fields().forEachRemaining(schema ->
        assertThat(fromJson.resolveRef("#/components/schemas/" + schema.getKey())).as(schema.getKey())
            .isEqualTo(schema.getValue()));
  }
}
