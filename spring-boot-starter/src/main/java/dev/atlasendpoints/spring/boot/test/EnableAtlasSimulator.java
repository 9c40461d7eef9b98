package dev.atlasendpoints.spring.boot.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Points a Spring test's application at an in-process Atlas simulator: one simulator per test
 * application context (contexts are cached and shared as usual), started while the context
 * refreshes, with {@code atlas.base-url} and {@code atlas.api-key.*} set for it (any
 * {@code atlas.service-account.*} is cleared; the test's own properties, from
 * {@code @SpringBootTest(properties = ...)}, {@code @TestPropertySource} or
 * {@code @DynamicPropertySource}, override these), available as the bean {@code atlasSimulator} of
 * type {@code dev.atlasendpoints.simulator.AtlasSimulator}, and stopped when the context closes or
 * fails to start.
 *
 * <pre>{@code
 * @SpringBootTest
 * @EnableAtlasSimulator
 * class OrderServiceTest {
 *   @Autowired AtlasSimulator atlas;
 *   ...
 * }
 * }</pre>
 *
 * Needs {@code atlas-simulator} and {@code spring-test} on the test classpath (both test scope).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface EnableAtlasSimulator {

  /** The public key the simulator accepts and the client sends. */
  String publicKey() default "test-public";

  /** The private key the simulator accepts and the client sends. */
  String privateKey() default "test-private";
}
