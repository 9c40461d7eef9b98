package dev.atlasendpoints.provisioning;

import dev.atlasendpoints.core.errors.AtlasException;

/**
 * A create may have acted (its answer was lost, it timed out, or Atlas answered 5xx) and the resource
 * it may have made did not become visible within {@code notFoundGrace}. For resources that have no
 * client-chosen id (serverless endpoints, legacy connections) creating again could make a second one,
 * so the ensure stops here: the outcome is unknown. List the parent's resources before trying again.
 */
public final class AtlasUnresolvedCreateException extends AtlasException {

  private static final long serialVersionUID = 1L;
  private final String requested;

  public AtlasUnresolvedCreateException(String requested, AtlasException cause) {
    super(null, "outcome unknown: the create of " + requested + " may have acted, but nothing new was visible"
        + " within notFoundGrace; not creating again (list before retrying)", cause);
    this.requested = requested;
  }

  /** What was asked for, e.g. {@code serverless endpoint 'mine' on instance 'i-1' of project …}. */
  public String requested() {
    return requested;
  }
}
