package dev.atlasendpoints.spring.boot.test;

import dev.atlasendpoints.simulator.AtlasSimulator;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.EnumerablePropertySource;

/**
 * The starter's properties for a simulator that is a bean of the context: {@code atlas.base-url}
 * is looked up from the bean while the context is active (refreshing or running), and is absent
 * before and after, so that reading it never starts a simulator the context would not close.
 */
final class SimulatorPropertySource extends EnumerablePropertySource<ConfigurableApplicationContext> {

  static final String NAME = "atlasSimulator";
  private static final String BASE_URL = "atlas.base-url";

  private final Map<String, String> fixed;

  SimulatorPropertySource(ConfigurableApplicationContext context, String publicKey, String privateKey) {
    super(NAME, context);
    this.fixed = Map.of("atlas.api-key.public-key", publicKey, "atlas.api-key.private-key", privateKey,
        "atlas.service-account.client-id", "", "atlas.service-account.client-secret", "");
  }

  @Override
  public String[] getPropertyNames() {
    String[] names = fixed.keySet().toArray(new String[fixed.size() + 1]);
    names[fixed.size()] = BASE_URL;
    return names;
  }

  @Override
  public Object getProperty(String name) {
    if (BASE_URL.equals(name)) {
      ConfigurableApplicationContext context = getSource();
      return context.isActive() ? context.getBeanFactory().getBean(AtlasSimulatorContextCustomizer.BEAN_NAME,
          AtlasSimulator.class).baseUri().toString() : null;
    }
    return fixed.get(name);
  }
}
