package dev.atlasendpoints.spring.boot;

import java.util.List;

/**
 * The {@code atlas.*} properties hold no usable credentials: none, half of a pair, or both kinds.
 * Names the properties to set, never their values.
 */
public final class AtlasCredentialsException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  private final List<String> properties;

  AtlasCredentialsException(String message, List<String> properties) {
    super(message + ": " + String.join(", ", properties));
    this.properties = List.copyOf(properties);
  }

  /** The properties concerned: those missing, or those set together that must not be. */
  public List<String> properties() {
    return properties;
  }
}
