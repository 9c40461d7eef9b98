package dev.atlasendpoints.observation;

import dev.atlasendpoints.core.RequestTags;

/**
 * The observations this module records and their key names. The keys and values are those of
 * {@code atlas-metrics}' timers (core's {@link RequestTags}: operation, method, uri, status, outcome, exception), so that a
 * dashboard reads spans and meters alike; this module does not depend on that one.
 */
public final class AtlasObservationNames {

  /** One API method call, retries and waits included: the parent span. */
  public static final String CALL = "atlas.client.call";
  /** One HTTP exchange, digest challenges and token requests included: a child span of its call. */
  public static final String EXCHANGE = "atlas.client.exchange";

  /** The spec's operationId. */
  public static final String OPERATION = RequestTags.OPERATION;
  /** The HTTP method. */
  public static final String METHOD = RequestTags.METHOD;
  /** The path template, parameters unexpanded (never a concrete URL, which holds the project id). */
  public static final String URI = RequestTags.URI;
  /** The status answered, or {@link #NONE}. */
  public static final String STATUS = RequestTags.STATUS;
  /** The class of the status (SUCCESS, CLIENT_ERROR, ...) or UNKNOWN without an answer. */
  public static final String OUTCOME = RequestTags.OUTCOME;
  /** The simple class name of the exception thrown, or {@code none}. */
  public static final String EXCEPTION = RequestTags.EXCEPTION;

  /** The value of a key that has nothing to say, so every observation carries the same keys. */
  public static final String NONE = RequestTags.NONE;

  private AtlasObservationNames() {}
}
