package dev.atlasendpoints.spring.boot.test;

import dev.atlasendpoints.simulator.AtlasSimulator;
import java.util.Map;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.core.env.EnumerablePropertySource;

/**
 * The starter's properties for a simulator that is a bean of the context: {@code atlas.base-url}
 * is looked up from the bean, so the simulator starts only once the context reads it (while it
 * refreshes), never for a context that fails before.
 */
final class SimulatorPropertySource extends EnumerablePropertySource<BeanFactory> {

  static final String NAME = "atlasSimulator";
  private static final String BASE_URL = "atlas.base-url";

  private final Map<String, String> fixed;

  SimulatorPropertySource(BeanFactory beans, String publicKey, String privateKey) {
    super(NAME, beans);
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
      return getSource().getBean(AtlasSimulatorContextCustomizer.BEAN_NAME, AtlasSimulator.class).baseUri().toString();
    }
    return fixed.get(name);
  }
}
