package dev.atlasendpoints.core.errors;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The request breaks a rule of the spec (a pattern, an enum, a length, a required field), so the
 * client did not send it: nothing left the machine and nothing changed.
 */
public final class AtlasInvalidRequestException extends AtlasException {

  private static final long serialVersionUID = 1L;

  /**
   * One broken rule.
   *
   * @param field where: a parameter name or a body path such as {@code body.comment}
   * @param rule the rule as the spec states it, e.g. {@code maxLength 80}
   * @param problem what is wrong, without echoing long or sensitive values
   */
  public record Violation(String field, String rule, String problem) {
    @Override
    public String toString() {
      return field + ": " + problem + " (" + rule + ")";
    }
  }

  private final List<Violation> violations;

  public AtlasInvalidRequestException(String operationId, List<Violation> violations) {
    super(operationId, operationId + " was not sent: " + violations.stream().map(Violation::toString)
        .collect(Collectors.joining("; ")), null);
    this.violations = List.copyOf(violations);
  }

  /** Every rule the request breaks. */
  public List<Violation> violations() {
    return violations;
  }
}
