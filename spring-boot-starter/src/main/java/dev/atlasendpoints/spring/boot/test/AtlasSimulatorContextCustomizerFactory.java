package dev.atlasendpoints.spring.boot.test;

import java.util.List;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/** Finds {@link EnableAtlasSimulator} on a test class; registered in {@code META-INF/spring.factories}. */
final class AtlasSimulatorContextCustomizerFactory implements ContextCustomizerFactory {

  @Override
  public ContextCustomizer createContextCustomizer(Class<?> testClass,
      List<ContextConfigurationAttributes> configAttributes) {
    EnableAtlasSimulator enable = TestContextAnnotationUtils.findMergedAnnotation(testClass, EnableAtlasSimulator.class);
    return enable == null ? null : new AtlasSimulatorContextCustomizer(enable.publicKey(), enable.privateKey());
  }
}
