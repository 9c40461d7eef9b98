package dev.atlasendpoints.simulator;

/** One step of a request pipeline: it answers, drops the connection, or lets the next step go on. */
@FunctionalInterface
interface Step {

  StepResult apply(RequestContext context);
}
