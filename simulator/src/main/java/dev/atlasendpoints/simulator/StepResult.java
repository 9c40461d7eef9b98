package dev.atlasendpoints.simulator;

/** What a {@link Step} decided: answer, drop the connection, or go on to the next step. */
sealed interface StepResult {

  /** How a request ends: with an answer or without one. Only the {@link ExchangeWriter} acts on it. */
  sealed interface Outcome extends StepResult permits Respond, Drop {}

  /** Answer with {@code response}, put on the wire as {@code presentation} says. */
  record Respond(SimulatorResponse response, Presentation presentation) implements Outcome {}

  /** Close the connection without an answer, as a reset or a lost connection looks to the client. */
  record Drop() implements Outcome {}

  /** Go on to the next step, with what this one learned about the request. */
  record Continue(RequestContext context) implements StepResult {}
}
