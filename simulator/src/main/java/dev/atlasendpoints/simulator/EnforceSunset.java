package dev.atlasendpoints.simulator;

/** Once sunset is enforced, a deprecated operation answers 410 {@code VERSION_GONE}, as it may after its sunset. */
record EnforceSunset(boolean enforced) implements Step {

  @Override
  public StepResult apply(RequestContext context) {
    if (enforced && context.operation().deprecated()) {
      return context.respond(SimulatorResponse.error(410, "VERSION_GONE", "Gone",
          "This operation was removed on " + Operation.SUNSET + "."));
    }
    return context.next();
  }
}
