package dev.atlasendpoints.provisioning;

import dev.atlasendpoints.core.errors.AtlasException;
import java.time.Duration;

/**
 * The resource was not usable when the wait's time ran out. Nothing failed: it may still become
 * usable, and waiting again for it is safe.
 */
public final class AtlasWaitTimeoutException extends AtlasException {

  private static final long serialVersionUID = 1L;
  private final transient ResourceRef resource;
  private final String lastStatus;
  private final Duration waited;

  public AtlasWaitTimeoutException(ResourceRef resource, String lastStatus, Duration waited) {
    super(null, resource.kind() + " " + resource.ids() + " not usable after " + Durations.format(waited) + "; last status seen: "
        + (lastStatus == null ? "none (not found yet)" : lastStatus), null);
    this.resource = resource;
    this.lastStatus = lastStatus;
    this.waited = waited;
  }

  public ResourceRef resource() {
    return resource;
  }

  /** The last status read, or null when no read succeeded (or it was still 404). */
  public String lastStatus() {
    return lastStatus;
  }

  public Duration waited() {
    return waited;
  }
}
