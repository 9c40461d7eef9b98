package dev.atlasendpoints.simulator.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against a local Atlas simulator: starts one (per test method by default), and
 * injects into test, lifecycle-method and constructor parameters the {@code AtlasSimulator}, an
 * {@code AtlasClient} configured for it, and any generated API interface
 * ({@code PrivateEndpointServicesApi}, {@code ServerlessPrivateEndpointsApi}) of that client. Both
 * are closed afterwards.
 *
 * <pre>{@code
 * @AtlasSimulatorTest
 * class MyServiceTest {
 *   @Test
 *   void createsOneService(PrivateEndpointServicesApi services, AtlasSimulator atlas) {
 *     new MyService(services).provision("32b6e34b3d91647abb20e7b8");
 *     assertThat(atlas.inventory().resources(Operation.CREATE_PRIVATE_ENDPOINT_SERVICE)).hasSize(1);
 *   }
 * }
 * }</pre>
 *
 * <p>A test constructor can receive them only with {@code lifecycle = PER_CLASS}: under
 * {@code PER_METHOD}, JUnit builds the test instance before the method's simulator starts. A
 * {@code @Nested} class with its own {@code @AtlasSimulatorTest} gets its own simulator unless its
 * settings equal those of its enclosing {@code PER_CLASS} class.
 *
 * <p>For simulator options (faults, lifecycles, rate limits, a manual clock) or client options
 * (layers, timeouts), register the extension on a field instead:
 * {@link AtlasSimulatorExtension#builder()}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(AtlasSimulatorExtension.class)
public @interface AtlasSimulatorTest {

  /** One simulator per test method (the default), or one per test class. */
  SimulatorLifecycle lifecycle() default SimulatorLifecycle.PER_METHOD;

  /** How the injected client authenticates; an API key (HTTP Digest) by default. */
  SimulatorAuth auth() default SimulatorAuth.API_KEY;
}
