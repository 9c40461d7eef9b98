package dev.atlasendpoints.spring.boot.test;

import dev.atlasendpoints.simulator.ApiKey;
import dev.atlasendpoints.simulator.AtlasSimulator;
import java.util.Objects;
import java.util.Set;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.support.TestPropertySourceUtils;
import org.springframework.util.ClassUtils;

/**
 * Gives one application context a simulator, as a bean started when the context first reads
 * {@code atlas.base-url} while it refreshes and closed with the context, a failed refresh included
 * (a context that fails before refreshing never starts one), and points the starter's properties
 * at it. Equal for equal keys, so that Spring's context cache shares a context (and its simulator)
 * between test classes that ask for the same.
 */
final class AtlasSimulatorContextCustomizer implements ContextCustomizer {

  static final String BEAN_NAME = "atlasSimulator";

  /** The property sources Spring's test support adds for a test's own properties. */
  private static final Set<String> TEST_PROPERTY_SOURCES = Set.of(
      TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME, "Dynamic Test Properties");

  private final String publicKey;
  private final String privateKey;

  AtlasSimulatorContextCustomizer(String publicKey, String privateKey) {
    this.publicKey = publicKey;
    this.privateKey = privateKey;
  }

  @Override
  public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
    if (!ClassUtils.isPresent("dev.atlasendpoints.simulator.AtlasSimulator", getClass().getClassLoader())) {
      throw new IllegalStateException("@EnableAtlasSimulator needs dev.atlasendpoints:atlas-simulator on the test "
          + "classpath");
    }
    DefaultListableBeanFactory beans = (DefaultListableBeanFactory) context.getBeanFactory();
    RootBeanDefinition simulator = new RootBeanDefinition(AtlasSimulator.class,
        () -> AtlasSimulator.builder().apiKey(ApiKey.of(publicKey, privateKey)).start());
    simulator.setDestroyMethodName("close");
    beans.registerBeanDefinition(BEAN_NAME, simulator);
    addBelowTheTestsOwnProperties(context.getEnvironment().getPropertySources(),
        new SimulatorPropertySource(context, publicKey, privateKey));
  }

  /**
   * Above the application's configuration and the environment (whose empty credentials would
   * otherwise win), below the test's own properties ({@code @SpringBootTest(properties = ...)},
   * {@code @TestPropertySource}, {@code @DynamicPropertySource}) so that a test can override these.
   */
  private static void addBelowTheTestsOwnProperties(MutablePropertySources sources, SimulatorPropertySource ours) {
    String lowestOfTheTests = null;
    for (PropertySource<?> source : sources) {
      if (TEST_PROPERTY_SOURCES.contains(source.getName())) {
        lowestOfTheTests = source.getName();
      }
    }
    if (lowestOfTheTests == null) {
      sources.addFirst(ours);
    } else {
      sources.addAfter(lowestOfTheTests, ours);
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AtlasSimulatorContextCustomizer that && publicKey.equals(that.publicKey)
        && privateKey.equals(that.privateKey);
  }

  @Override
  public int hashCode() {
    return Objects.hash(publicKey, privateKey);
  }
}
