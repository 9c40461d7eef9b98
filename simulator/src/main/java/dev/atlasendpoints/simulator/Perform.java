package dev.atlasendpoints.simulator;

/**
 * Makes the change to the inventory (or reads it) and answers with the outcome, carrying the
 * rate-limit headers. A created-then-dropped fault strikes here, between the change and the answer:
 * the ambiguous case a client cannot tell from a request that never arrived (on a read, the answer
 * is simply lost).
 */
record Perform(OperationHandlers operations, SimulatorCounters counters) implements Step {

  @Override
  public StepResult apply(RequestContext context) {
    Operation operation = context.operation();
    SimulatorResponse response = operations
        .perform(operation, context.projectId(), context.pathParameters(), context.body())
        .withHeaders(context.rateLimitHeaders());
    if (!response.isSuccess()) {
      return context.respond(response);
    }
    if (!operation.isRead()) {
      counters.create(operation);
    }
    return context.faultIs(Fault.Kind.CREATED_THEN_DROPPED) ? new StepResult.Drop() : context.respond(response);
  }
}
