package dev.atlasendpoints.spring.boot.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atlasendpoints.simulator.AtlasSimulator;
import dev.atlasendpoints.spring.boot.AtlasProperties;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.test.context.TestContextManager;

/**
 * {@link EnableAtlasSimulator} on real Spring test contexts (loaded through Spring's
 * {@link TestContextManager}, as JUnit's SpringExtension does): shared with the cached context,
 * closed with it, overridable by the test's own properties, never left running by a context that
 * fails or never refreshes.
 */
class EnableAtlasSimulatorTest {

  @Configuration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  static class Application {}

  @SpringBootTest(classes = Application.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
  @EnableAtlasSimulator
  static class FirstTestClass {
    @Autowired
    AtlasSimulator atlas;
    @Autowired
    AtlasProperties properties;
  }

  @SpringBootTest(classes = Application.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
  @EnableAtlasSimulator
  static class SecondTestClassWithTheSameConfiguration {
    @Autowired
    AtlasSimulator atlas;
  }

  @SpringBootTest(classes = Application.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
      properties = "atlas.api-key.public-key=the-tests-own-key")
  @EnableAtlasSimulator
  static class OverridingTestClass {
    @Autowired
    AtlasProperties properties;
  }

  private static <T> T prepared(TestContextManager manager, T testInstance) throws Exception {
    manager.prepareTestInstance(testInstance);
    return testInstance;
  }

  private static boolean listening(URI uri) throws Exception {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5_000);
      return true;
    } catch (ConnectException refused) {
      return false;
    }
  }

  @Test
  void twoTestClassesWithTheSameConfiguration_shareOneSimulator_closedWithTheirContext() throws Exception {
    TestContextManager first = new TestContextManager(FirstTestClass.class);
    FirstTestClass one = prepared(first, new FirstTestClass());
    SecondTestClassWithTheSameConfiguration two = prepared(
        new TestContextManager(SecondTestClassWithTheSameConfiguration.class),
        new SecondTestClassWithTheSameConfiguration());

    assertThat(two.atlas).isSameAs(one.atlas);
    URI simulator = one.atlas.baseUri();
    assertThat(one.properties.baseUrl()).isEqualTo(simulator.toString());
    assertThat(listening(simulator)).isTrue();

    first.getTestContext().markApplicationContextDirty(null); // what @DirtiesContext does

    assertThat(listening(simulator)).isFalse();
  }

  @Test
  void theTestsOwnProperties_overrideTheSimulatorsOnes() throws Exception {
    TestContextManager manager = new TestContextManager(OverridingTestClass.class);
    OverridingTestClass test = prepared(manager, new OverridingTestClass());
    try {
      assertThat(test.properties.apiKey().publicKey()).isEqualTo("the-tests-own-key");
    } finally {
      manager.getTestContext().markApplicationContextDirty(null);
    }
  }

  @Test
  void aContextThatFailsToRefresh_closesItsSimulator_andStartsNoOtherWhenReadAfterwards() throws Exception {
    URI[] started = new URI[1];
    GenericApplicationContext context = new GenericApplicationContext();
    new AtlasSimulatorContextCustomizer("public", "private").customizeContext(context, null);
    context.registerBean("readsTheBaseUrl", Object.class,
        () -> started[0] = URI.create(context.getEnvironment().getProperty("atlas.base-url")));
    context.registerBean("fails", Object.class, () -> {
      throw new IllegalStateException("this context fails to start");
    });
    assertThatThrownBy(context::refresh).hasRootCauseMessage("this context fails to start");
    context.close();

    assertThat(started[0]).isNotNull();
    assertThat(listening(started[0])).isFalse();
    assertThat(context.getEnvironment().getProperty("atlas.base-url")).isNull();
    assertThat(context.getBeanFactory().containsSingleton(AtlasSimulatorContextCustomizer.BEAN_NAME)).isFalse();
  }

  @Test
  void aContextThatNeverRefreshes_neverStartsASimulator() {
    GenericApplicationContext context = new GenericApplicationContext();
    new AtlasSimulatorContextCustomizer("public", "private").customizeContext(context, null);
    assertThat(context.getEnvironment().getProperty("atlas.base-url")).isNull();
    context.close();
    assertThat(context.getBeanFactory().containsSingleton(AtlasSimulatorContextCustomizer.BEAN_NAME)).isFalse();
  }
}
