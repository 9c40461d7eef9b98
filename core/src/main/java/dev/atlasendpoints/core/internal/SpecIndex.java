package dev.atlasendpoints.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The OpenAPI document the client was generated from, read from the {@code atlas-spec} artifact on
 * the classpath. Media types, deprecation and the validation rules all come from here, so a change
 * to the spec changes them on the next build with no hand-copied list to update. It reads the JSON
 * form the spec module produces at build time from the hand-written YAML, so that no YAML parser is
 * needed at run time ({@code SpecFormsTest} checks that both forms say the same).
 */
public final class SpecIndex {

  static final String RESOURCE = "/dev/atlasendpoints/spec/openapi.json";
  // Before INSTANCE: loading the document reads it.
  private static final java.util.Set<String> HTTP_METHODS =
      java.util.Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
  private static final SpecIndex INSTANCE = load();

  private final JsonNode root;
  private final Map<String, SpecOperation> operations;

  private SpecIndex(JsonNode root) {
    this.root = root;
    Map<String, SpecOperation> byId = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields(); paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
        Map.Entry<String, JsonNode> method = methods.next();
        if (!HTTP_METHODS.contains(method.getKey())) {
          continue; // path-level parameters, summary, description
        }
        SpecOperation operation = SpecOperation.read(this, path.getKey(), method.getKey(), method.getValue());
        byId.put(operation.operationId(), operation);
      }
    }
    this.operations = Map.copyOf(byId);
  }

  /** An index of {@code document}, an OpenAPI document as a tree. */
  static SpecIndex of(JsonNode document) {
    return new SpecIndex(document);
  }

  /** The document on the classpath. */
  public static SpecIndex instance() {
    return INSTANCE;
  }

  public Optional<SpecOperation> operation(String operationId) {
    return Optional.ofNullable(operations.get(operationId));
  }

  public Map<String, SpecOperation> operations() {
    return operations;
  }

  /** The node a local reference such as {@code #/components/schemas/X} names. */
  public JsonNode resolveRef(String ref) {
    return resolve(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("$ref", ref));
  }

  /** Follows a {@code $ref} within the document; other nodes are returned as they are. */
  public JsonNode resolve(JsonNode node) {
    JsonNode current = node;
    for (int depth = 0; current != null && current.has("$ref"); depth++) {
      if (depth > 32) {
        throw new IllegalStateException("$ref chain too long at " + node.get("$ref").asText());
      }
      String ref = current.get("$ref").asText();
      if (!ref.startsWith("#/")) {
        throw new IllegalStateException("only local $refs are supported: " + ref);
      }
      current = root.at(ref.substring(1));
      if (current.isMissingNode()) {
        throw new IllegalStateException("unresolvable $ref " + ref);
      }
    }
    return current;
  }

  private static SpecIndex load() {
    try (InputStream in = SpecIndex.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the spec " + RESOURCE + " is not on the classpath (atlas-spec is missing)");
      }
      return of(new ObjectMapper().readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the spec " + RESOURCE, e);
    }
  }
}
