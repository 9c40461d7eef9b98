package dev.atlasendpoints.simulator;

/** Checks the path parameters against the contract's rules: 400 {@code VALIDATION_ERROR} naming each bad one. */
record ValidatePath() implements Step {

  @Override
  public StepResult apply(RequestContext context) {
    FieldViolations violations = new FieldViolations();
    RequestRules.checkPath(context.operation(), context.pathParameters(), violations);
    return violations.isEmpty() ? context.next() : context.respond(violations.toResponse());
  }
}
