package dev.atlasendpoints.provisioning;

import java.time.Duration;

/**
 * What provisioning did, for metrics or logs. Every method has a no-op default; implementations
 * must be thread-safe and quick. {@code MicrometerProvisioningListener} records them as meters.
 */
public interface ProvisioningListener {

  ProvisioningListener NONE = new ProvisioningListener() {};

  /** An ensure created the resource. */
  default void onCreated(ResourceRef resource) {}

  /** An ensure found the resource there already and adopted it. */
  default void onAdopted(ResourceRef resource) {}

  /** A wait saw the status change. */
  default void onStateChange(StateChange change) {}

  /** A wait ended with the resource usable, {@code waited} after it started. */
  default void onAvailable(ResourceRef resource, Duration waited) {}
}
