package dev.atlasendpoints.provisioning;

/**
 * One reading of a resource: its status as Atlas spelled it (an unknown value kept as sent), its
 * {@code errorMessage} (null while all is well), and the model that was read.
 */
public record ResourceState(String status, String errorMessage, Object body) {

  boolean hasError() {
    return errorMessage != null && !errorMessage.isBlank();
  }
}
