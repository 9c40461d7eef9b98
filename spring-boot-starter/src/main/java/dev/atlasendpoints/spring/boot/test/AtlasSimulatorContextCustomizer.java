package dev.atlasendpoints.spring.boot.test;

import dev.atlasendpoints.simulator.ApiKey;
import dev.atlasendpoints.simulator.AtlasSimulator;
import java.util.Map;
import java.util.Objects;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.util.ClassUtils;

/**
 * Starts a simulator for one application context and points the starter's properties at it. Equal
 * for equal keys, so that Spring's context cache shares a context (and its simulator) between test
 * classes that ask for the same.
 */
final class AtlasSimulatorContextCustomizer implements ContextCustomizer {

  static final String BEAN_NAME = "atlasSimulator";

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
    AtlasSimulator simulator = AtlasSimulator.builder().apiKey(ApiKey.of(publicKey, privateKey)).start();
    context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("atlasSimulator", Map.of(
        "atlas.base-url", simulator.baseUri().toString(),
        "atlas.api-key.public-key", publicKey,
        "atlas.api-key.private-key", privateKey,
        "atlas.service-account.client-id", "",
        "atlas.service-account.client-secret", "")));
    DefaultListableBeanFactory beans = (DefaultListableBeanFactory) context.getBeanFactory();
    beans.registerSingleton(BEAN_NAME, simulator);
    beans.registerDisposableBean(BEAN_NAME, simulator::close);
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
