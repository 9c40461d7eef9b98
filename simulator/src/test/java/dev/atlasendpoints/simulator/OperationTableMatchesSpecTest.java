package dev.atlasendpoints.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The simulator's {@link Operation} table is written out by hand, so that the simulator stays an
 * oracle independent of the SDK; this test is what keeps it from drifting away from the spec.
 */
class OperationTableMatchesSpecTest {

  private static final String SPEC = "/dev/atlasendpoints/spec/atlas-private-endpoints.yaml";
  private static final Set<String> HTTP_METHODS =
      Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  /** An operation as the spec declares it; {@code successStatuses} are its 2xx responses. */
  record SpecOperation(String operationId, String method, String path, Set<Integer> successStatuses,
      boolean deprecated) {}

  /** An operation as the simulator's table has it. */
  record TableRow(String operationId, String method, String path, int successStatus, boolean deprecated) {

    static TableRow of(Operation operation) {
      return new TableRow(operation.operationId(), operation.method(), operation.pathTemplate(),
          operation.successStatus(), operation.deprecated());
    }
  }

  @Test
  void everyOperation_matchesTheSpec_inMethodPathSuccessStatusAndDeprecation() throws IOException {
    List<TableRow> table = Arrays.stream(Operation.values()).map(TableRow::of).toList();

    assertThat(differences(specOperations(), table)).isEmpty();
  }

  @Test
  void aDriftedTable_isReported_namingEachOperationAndWhatDiffers() throws IOException {
    List<TableRow> drifted = new ArrayList<>();
    for (Operation operation : Operation.values()) {
      TableRow row = TableRow.of(operation);
      switch (operation) {
        case CREATE_PRIVATE_ENDPOINT_CONNECTION, GET_PRIVATE_ENDPOINT -> { } // forgotten
        case CREATE_PRIVATE_ENDPOINT_SERVICE -> drifted.add(new TableRow(row.operationId(), "PUT", row.path(), 204,
            row.deprecated()));
        case CREATE_PRIVATE_ENDPOINT -> drifted.add(new TableRow(row.operationId(), row.method(), row.path() + "s",
            row.successStatus(), true));
        default -> drifted.add(row);
      }
    }
    drifted.add(new TableRow("deletePrivateEndpoint", "DELETE", "/api/atlas/v2/x", 204, false));

    assertThat(differences(specOperations(), drifted)).containsExactlyInAnyOrder(
        "the spec has operation createPrivateEndpointConnection (POST /api/atlas/v1.0/groups/{groupId}/privateEndpoint)"
            + " but the simulator's Operation table does not",
        "the spec has operation getPrivateEndpoint (GET /api/atlas/v2/groups/{groupId}/privateEndpoint/{cloudProvider}"
            + "/endpointService/{endpointServiceId}/endpoint/{endpointId}) but the simulator's Operation table does not",
        "the simulator's Operation table has deletePrivateEndpoint (DELETE /api/atlas/v2/x) but the spec does not",
        "createPrivateEndpointService: the spec's method is POST, the simulator's Operation table has PUT",
        "createPrivateEndpointService: the simulator answers 204 on success, the spec declares only [200, 201]",
        "createPrivateEndpoint: the spec's path is /api/atlas/v2/groups/{groupId}/privateEndpoint/{cloudProvider}"
            + "/endpointService/{endpointServiceId}/endpoint, the simulator's Operation table has /api/atlas/v2/groups"
            + "/{groupId}/privateEndpoint/{cloudProvider}/endpointService/{endpointServiceId}/endpoints",
        "createPrivateEndpoint: the simulator's Operation table marks it deprecated, the spec does not");
  }

  /** Every way the table departs from the spec, one sentence each, naming the operation. */
  static List<String> differences(List<SpecOperation> spec, List<TableRow> table) {
    Map<String, SpecOperation> specById = byId(spec, SpecOperation::operationId);
    Map<String, TableRow> tableById = byId(table, TableRow::operationId);
    List<String> differences = new ArrayList<>();
    specById.forEach((id, declared) -> {
      if (!tableById.containsKey(id)) {
        differences.add("the spec has operation " + id + " (" + declared.method() + " " + declared.path()
            + ") but the simulator's Operation table does not");
      }
    });
    tableById.forEach((id, row) -> {
      SpecOperation declared = specById.get(id);
      if (declared == null) {
        differences.add("the simulator's Operation table has " + id + " (" + row.method() + " " + row.path()
            + ") but the spec does not");
        return;
      }
      if (!declared.method().equals(row.method())) {
        differences.add(id + ": the spec's method is " + declared.method() + ", the simulator's Operation table has "
            + row.method());
      }
      if (!declared.path().equals(row.path())) {
        differences.add(id + ": the spec's path is " + declared.path() + ", the simulator's Operation table has "
            + row.path());
      }
      // The spec declares two 2xx where MongoDB publishes one status and the live service answers
      // another (createPrivateEndpointService: 200 published, 201 live). The simulator answers as
      // live, so its status must be one the spec declares; not necessarily the first.
      if (!declared.successStatuses().contains(row.successStatus())) {
        differences.add(id + ": the simulator answers " + row.successStatus() + " on success, the spec declares only "
            + declared.successStatuses());
      }
      if (declared.deprecated() != row.deprecated()) {
        differences.add(declared.deprecated()
            ? id + ": the spec marks it deprecated, the simulator's Operation table does not"
            : id + ": the simulator's Operation table marks it deprecated, the spec does not");
      }
    });
    return differences;
  }

  private static <T> Map<String, T> byId(List<T> operations, Function<T, String> id) {
    return operations.stream().collect(Collectors.toMap(id, Function.identity(), (a, b) -> {
      throw new IllegalStateException("two operations are named " + id.apply(a));
    }, LinkedHashMap::new));
  }

  private static List<SpecOperation> specOperations() throws IOException {
    JsonNode spec;
    try (InputStream in = OperationTableMatchesSpecTest.class.getResourceAsStream(SPEC)) {
      assertThat(in).as("the spec %s on the test classpath (artifact atlas-spec)", SPEC).isNotNull();
      spec = new ObjectMapper(new YAMLFactory()).readTree(in);
    }
    List<SpecOperation> operations = new ArrayList<>();
    spec.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(entry -> {
      if (HTTP_METHODS.contains(entry.getKey())) {
        JsonNode operation = entry.getValue();
        operations.add(new SpecOperation(operation.path("operationId").asText(),
            entry.getKey().toUpperCase(Locale.ROOT), path.getKey(), successStatuses(operation.path("responses")),
            operation.path("deprecated").asBoolean(false)));
      }
    }));
    assertThat(operations).as("operations in the spec").isNotEmpty();
    return operations;
  }

  private static Set<Integer> successStatuses(JsonNode responses) {
    Set<Integer> statuses = new TreeSet<>();
    for (Iterator<String> codes = responses.fieldNames(); codes.hasNext(); ) {
      String code = codes.next();
      if (code.matches("2\\d\\d")) {
        statuses.add(Integer.parseInt(code));
      }
    }
    return statuses;
  }
}
