package dev.atlasendpoints.core.internal.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atlasendpoints.core.errors.AtlasInvalidRequestException.Violation;
import dev.atlasendpoints.core.internal.SpecIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Checks a JSON value against a schema of the spec: the subset of OpenAPI 3.0 the spec uses
 * ({@code $ref}, {@code allOf}, {@code discriminator}, {@code type}, {@code required},
 * {@code properties}, {@code items}, {@code enum}, {@code pattern}, {@code minLength},
 * {@code maxLength}, {@code minItems}, {@code maxItems}, {@code nullable}).
 *
 * <p>Written by hand rather than taken from a JSON Schema library because OpenAPI 3.0 schemas are
 * not JSON Schema (nullable, discriminator mapping), and the subset is small.
 */
final class SchemaValidator {

  private static final int MAX_ECHO = 64;

  private final SpecIndex spec;
  private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();

  SchemaValidator(SpecIndex spec) {
    this.spec = spec;
  }

  List<Violation> validate(JsonNode value, JsonNode schema, String path) {
    List<Violation> violations = new ArrayList<>();
    check(value, schema, path, false, violations);
    return violations;
  }

  private void check(JsonNode value, JsonNode schemaOrRef, String path, boolean inAllOf, List<Violation> out) {
    JsonNode schema = spec.resolve(schemaOrRef);
    if (value == null || value.isNull() || value.isMissingNode()) {
      return; // presence is the parent's `required` to judge
    }
    if (!inAllOf && schema.has("discriminator") && value.isObject()) {
      checkDiscriminated(value, schema, path, out);
      return;
    }
    for (JsonNode part : schema.path("allOf")) {
      check(value, part, path, true, out);
    }
    String type = schema.path("type").asText("");
    if (!type.isEmpty() && !hasType(value, type)) {
      out.add(new Violation(path, "type " + type, "must be " + article(type)));
      return;
    }
    checkEnum(value, schema, path, out);
    if (value.isTextual()) {
      checkString(value.asText(), schema, path, out);
    } else if (value.isArray()) {
      checkArray(value, schema, path, out);
    } else if (value.isObject()) {
      checkObject(value, schema, path, out);
    }
  }

  private void checkDiscriminated(JsonNode value, JsonNode schema, String path, List<Violation> out) {
    String property = schema.get("discriminator").get("propertyName").asText();
    JsonNode mapping = schema.get("discriminator").path("mapping");
    String discriminator = value.path(property).asText(null);
    if (discriminator == null || !mapping.has(discriminator)) {
      List<String> names = new ArrayList<>();
      mapping.fieldNames().forEachRemaining(names::add);
      out.add(new Violation(join(path, property), "discriminator " + names,
          "must name one of " + names + "; send a provider's own form (a subclass), not the base type"));
      return;
    }
    JsonNode subtype = spec.resolveRef(mapping.get(discriminator).asText());
    check(value, subtype, path, subtype.has("allOf"), out);
  }

  private void checkEnum(JsonNode value, JsonNode schema, String path, List<Violation> out) {
    JsonNode allowed = schema.get("enum");
    if (allowed == null) {
      return;
    }
    for (JsonNode candidate : allowed) {
      if (candidate.equals(value)) {
        return;
      }
    }
    out.add(new Violation(path, "enum " + allowed, "'" + echo(value.asText()) + "' is not an allowed value"));
  }

  private void checkString(String text, JsonNode schema, String path, List<Violation> out) {
    int length = text.codePointCount(0, text.length());
    if (schema.has("maxLength") && length > schema.get("maxLength").asInt()) {
      out.add(new Violation(path, "maxLength " + schema.get("maxLength").asInt(), "is " + length + " characters long"));
    }
    if (schema.has("minLength") && length < schema.get("minLength").asInt()) {
      out.add(new Violation(path, "minLength " + schema.get("minLength").asInt(), "is " + length + " characters long"));
    }
    if (schema.has("pattern")) {
      String regex = schema.get("pattern").asText();
      // OpenAPI patterns are ECMA-262 regular expressions, unanchored unless they say ^ and $.
      if (!patterns.computeIfAbsent(regex, SchemaValidator::compileEcma).matcher(text).find()) {
        out.add(new Violation(path, "pattern " + regex, "'" + echo(text) + "' does not match"));
      }
    }
  }

  private void checkArray(JsonNode array, JsonNode schema, String path, List<Violation> out) {
    if (schema.has("maxItems") && array.size() > schema.get("maxItems").asInt()) {
      out.add(new Violation(path, "maxItems " + schema.get("maxItems").asInt(), "has " + array.size() + " items"));
    }
    if (schema.has("minItems") && array.size() < schema.get("minItems").asInt()) {
      out.add(new Violation(path, "minItems " + schema.get("minItems").asInt(), "has " + array.size() + " items"));
    }
    if (schema.has("items")) {
      for (int i = 0; i < array.size(); i++) {
        check(array.get(i), schema.get("items"), path + "[" + i + "]", false, out);
      }
    }
  }

  private void checkObject(JsonNode object, JsonNode schema, String path, List<Violation> out) {
    for (JsonNode required : schema.path("required")) {
      JsonNode present = object.get(required.asText());
      if (present == null || present.isNull()) {
        out.add(new Violation(join(path, required.asText()), "required", "is required"));
      }
    }
    schema.path("properties").fields().forEachRemaining(property ->
        check(object.get(property.getKey()), property.getValue(), join(path, property.getKey()), false, out));
  }

  private static boolean hasType(JsonNode value, String type) {
    return switch (type) {
      case "string" -> value.isTextual();
      case "integer" -> value.isIntegralNumber();
      case "number" -> value.isNumber();
      case "boolean" -> value.isBoolean();
      case "array" -> value.isArray();
      case "object" -> value.isObject();
      default -> true;
    };
  }

  private static String article(String type) {
    return switch (type) {
      case "integer", "object", "array" -> "an " + type;
      default -> "a " + type;
    };
  }

  private static String join(String path, String property) {
    return path.isEmpty() ? property : path + "." + property;
  }

  static String echo(String text) {
    return text.length() > MAX_ECHO ? text.substring(0, MAX_ECHO) + "..." : text;
  }

  /**
   * Compiles a spec pattern with ECMA-262's meaning of {@code $}: the very end of the value. Java's
   * {@code $} also matches before a final line break, so {@code "<24 hex digits>\n"} would pass
   * {@code ^[0-9a-f]{24}$} and a newline would reach the URL.
   */
  static Pattern compileEcma(String regex) {
    StringBuilder java = new StringBuilder(regex.length() + 8);
    boolean escaped = false;
    boolean inClass = false;
    for (char c : regex.toCharArray()) {
      if (escaped) {
        java.append(c);
        escaped = false;
      } else if (c == '\\') {
        java.append(c);
        escaped = true;
      } else if (c == '[') {
        inClass = true;
        java.append(c);
      } else if (c == ']') {
        inClass = false;
        java.append(c);
      } else if (c == '$' && !inClass) {
        java.append("\\z");
      } else {
        java.append(c);
      }
    }
    return Pattern.compile(java.toString());
  }
}
