package dev.atlasendpoints.simulator;

import java.util.List;

/** Steps run in order, each with what the earlier ones learned, until one answers or drops the request. */
final class Pipeline {

  private final List<Step> steps;

  Pipeline(List<Step> steps) {
    this.steps = List.copyOf(steps);
  }

  StepResult.Outcome run(SimulatorRequest request) {
    RequestContext context = RequestContext.received(request);
    for (Step step : steps) {
      StepResult result = step.apply(context);
      if (result instanceof StepResult.Outcome outcome) {
        return outcome;
      }
      context = ((StepResult.Continue) result).context();
    }
    throw new IllegalStateException("no step answered " + request.method() + " " + request.path());
  }
}
