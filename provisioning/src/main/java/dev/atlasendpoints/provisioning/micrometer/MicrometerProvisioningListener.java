package dev.atlasendpoints.provisioning.micrometer;

import dev.atlasendpoints.provisioning.ProvisioningListener;
import dev.atlasendpoints.provisioning.ResourceRef;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Objects;

/**
 * Records provisioning as Micrometer meters. micrometer-core is an optional dependency of
 * atlas-provisioning: this class is the only one that needs it, so add micrometer-core to use it.
 *
 * <table>
 *   <caption>Meters</caption>
 *   <tr><th>name</th><th>type</th><th>tags</th></tr>
 *   <tr><td>{@value #ENSURED}</td><td>counter</td><td>{@code kind}, {@code outcome} = created | adopted</td></tr>
 *   <tr><td>{@value #UNTIL_AVAILABLE}</td><td>timer</td><td>{@code kind}</td></tr>
 * </table>
 *
 * {@code kind} is one of {@code endpoint_service}, {@code endpoint}, {@code serverless_endpoint},
 * {@code connection}: no id ever becomes a tag.
 */
public final class MicrometerProvisioningListener implements ProvisioningListener {

  public static final String ENSURED = "atlas.provisioning.ensured";
  public static final String UNTIL_AVAILABLE = "atlas.provisioning.until.available";

  private final MeterRegistry registry;

  public MicrometerProvisioningListener(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  @Override
  public void onCreated(ResourceRef resource) {
    ensured(resource, "created").increment();
  }

  @Override
  public void onAdopted(ResourceRef resource) {
    ensured(resource, "adopted").increment();
  }

  @Override
  public void onAvailable(ResourceRef resource, Duration waited) {
    Timer.builder(UNTIL_AVAILABLE).description("Time from the start of a wait until the resource was usable")
        .tag("kind", resource.kind()).register(registry).record(waited);
  }

  private Counter ensured(ResourceRef resource, String outcome) {
    return Counter.builder(ENSURED).description("Resources an ensure settled on, created or adopted")
        .tag("kind", resource.kind()).tag("outcome", outcome).register(registry);
  }
}
