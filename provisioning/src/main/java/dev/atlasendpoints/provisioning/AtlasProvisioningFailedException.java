package dev.atlasendpoints.provisioning;

import dev.atlasendpoints.core.errors.AtlasException;

/**
 * The resource reached a failed state (FAILED, REJECTED, DELETED, or any with an {@code errorMessage})
 * while being waited for: it will not become usable on its own.
 */
public final class AtlasProvisioningFailedException extends AtlasException {

  private static final long serialVersionUID = 1L;
  private final transient ResourceRef resource;
  private final String status;
  private final String errorMessage;

  public AtlasProvisioningFailedException(ResourceRef resource, String status, String errorMessage) {
    super(null, resource.kind() + " " + resource.ids() + " ended " + status + (errorMessage == null ? "" : ": " + errorMessage), null);
    this.resource = resource;
    this.status = status;
    this.errorMessage = errorMessage;
  }

  public ResourceRef resource() {
    return resource;
  }

  /** The status it ended in, as Atlas spelled it. */
  public String status() {
    return status;
  }

  /** Atlas's {@code errorMessage}, or null when it gave none. */
  public String errorMessage() {
    return errorMessage;
  }
}
