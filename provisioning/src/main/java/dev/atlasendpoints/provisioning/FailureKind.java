package dev.atlasendpoints.provisioning;

import dev.atlasendpoints.core.errors.AtlasCommunicationException;
import dev.atlasendpoints.core.errors.AtlasConflictException;
import dev.atlasendpoints.core.errors.AtlasException;
import dev.atlasendpoints.core.errors.AtlasInterruptedException;
import dev.atlasendpoints.core.errors.AtlasRateLimitedException;
import dev.atlasendpoints.core.errors.AtlasServerException;

/**
 * What a failed call means for settling a create, decided once from the exception type (the core
 * already decided "was it sent?"): the resource exists, Atlas may have acted, it surely did not, or
 * trying again cannot help.
 */
enum FailureKind {
  /** 409: the resource exists; read it. */
  EXISTS,
  /** 5xx, a lost answer, a timeout: the create may have happened; read back before creating again. */
  MAY_HAVE_ACTED,
  /** 429, or never sent: nothing happened; try again after a pause. */
  NOT_ACTED,
  /** Anything else (400, 401, 403, 404, an interrupt): give it to the caller. */
  FINAL;

  static FailureKind of(AtlasException failure) {
    if (failure instanceof AtlasConflictException) {
      return EXISTS;
    }
    if (failure instanceof AtlasRateLimitedException) {
      return NOT_ACTED;
    }
    if (failure instanceof AtlasServerException) {
      return MAY_HAVE_ACTED;
    }
    if (failure instanceof AtlasInterruptedException) {
      return FINAL;
    }
    if (failure instanceof AtlasCommunicationException communication) {
      return communication.requestMayHaveBeenProcessed() ? MAY_HAVE_ACTED : NOT_ACTED;
    }
    return FINAL;
  }

  /** Whether a read that failed this way is worth repeating (reads change nothing). */
  boolean transientForRead() {
    return this == NOT_ACTED || this == MAY_HAVE_ACTED;
  }
}
