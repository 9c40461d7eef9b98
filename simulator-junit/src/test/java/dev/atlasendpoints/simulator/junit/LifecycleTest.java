package dev.atlasendpoints.simulator.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.atlasendpoints.generated.api.PrivateEndpointServicesApi;
import dev.atlasendpoints.generated.model.CloudProvider;
import dev.atlasendpoints.generated.model.CloudProviderEndpointServiceRequest;
import dev.atlasendpoints.simulator.AtlasSimulator;
import dev.atlasendpoints.simulator.Operation;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs small test classes (the nested static ones, which Surefire leaves alone and {@link LaunchedCase}
 * keeps quiet anywhere else) through the JUnit launcher and watches what the extension did to simulators: started when, shared by whom, and whether
 * their ports are closed once the class has run.
 */
class LifecycleTest {

  /** The simulators the classes under test were handed, in the order they saw them. */
  static final List<AtlasSimulator> SEEN = new CopyOnWriteArrayList<>();
  /** Whether each test found its simulator listening, and the previous test's closed. */
  static final List<String> OBSERVED = new CopyOnWriteArrayList<>();
  /** Holds two tests until both run at once. */
  static final CyclicBarrier BOTH_RUNNING = new CyclicBarrier(2);

  @BeforeEach
  void clear() {
    SEEN.clear();
    OBSERVED.clear();
    BOTH_RUNNING.reset();
  }

  @Test
  void perMethod_startsOnePerTest_andClosesEachAfterItsTest() {
    TestExecutionSummary summary = run(PerMethodCase.class);

    assertThat(summary.getTestsSucceededCount()).isEqualTo(2);
    assertThat(SEEN).hasSize(4); // @BeforeEach and test, twice
    assertThat(SEEN.get(0)).isSameAs(SEEN.get(1));
    assertThat(SEEN.get(2)).isSameAs(SEEN.get(3)).isNotSameAs(SEEN.get(0));
    assertThat(OBSERVED).containsExactly("first: listening", "second: listening, first closed");
    assertThat(SEEN).allSatisfy(simulator -> assertThat(listening(simulator)).isFalse());
  }

  @Test
  void perClass_startsOneForTheClass_sharedWithBeforeAllAndConstructors_andClosesItAfterTheClass() {
    TestExecutionSummary summary = run(PerClassCase.class);

    assertThat(summary.getTestsSucceededCount()).isEqualTo(2);
    assertThat(SEEN).hasSize(5).allSatisfy(simulator -> assertThat(simulator).isSameAs(SEEN.get(0)));
    assertThat(OBSERVED).containsExactly("first: listening", "second: listening, 1 resource");
    assertThat(listening(SEEN.get(0))).isFalse();
  }

  @Test
  void perClass_withOneTestInstancePerClass_startsItForTheConstructor_andSharesIt() {
    TestExecutionSummary summary = run(OneInstancePerClassCase.class);

    assertThat(summary.getTestsSucceededCount()).isEqualTo(1);
    assertThat(SEEN).hasSize(3).allSatisfy(simulator -> assertThat(simulator).isSameAs(SEEN.get(0)));
    assertThat(listening(SEEN.get(0))).isFalse();
  }

  @Test
  void aStaticRegisteredExtension_perClass_sharesOneSimulator_andClosesIt() {
    TestExecutionSummary summary = run(RegisteredPerClassCase.class);

    assertThat(summary.getTestsSucceededCount()).isEqualTo(2);
    assertThat(SEEN).hasSize(4).allSatisfy(simulator -> assertThat(simulator).isSameAs(SEEN.get(0)));
    assertThat(listening(SEEN.get(0))).isFalse();
  }

  @Test
  void aStaticRegisteredExtension_underParallelExecution_givesEachTestItsOwnSimulator() {
    TestExecutionSummary summary = run(ParallelCase.class, Map.of(
        "junit.jupiter.execution.parallel.enabled", "true",
        "junit.jupiter.execution.parallel.mode.default", "concurrent",
        "junit.jupiter.execution.parallel.config.strategy", "fixed",
        "junit.jupiter.execution.parallel.config.fixed.parallelism", "2"));

    assertThat(summary.getTestsSucceededCount()).isEqualTo(2);
    assertThat(OBSERVED).containsExactly("accessor returns its own", "accessor returns its own");
    assertThat(SEEN).hasSize(2).doesNotHaveDuplicates();
  }

  @Test
  void aNestedClass_withOtherSettings_getsItsOwnSimulator_andOneWithEqualSettingsSharesTheOuter() {
    TestExecutionSummary summary = run(NestedSettingsCase.class);

    assertThat(summary.getTestsSucceededCount()).isEqualTo(2);
    assertThat(SEEN).hasSize(3);
    AtlasSimulator outer = SEEN.get(0);
    assertThat(OBSERVED).containsExactlyInAnyOrder("other settings: own simulator, Bearer",
        "equal settings: the outer simulator");
    assertThat(SEEN).allSatisfy(simulator -> assertThat(listening(simulator)).isFalse());
    assertThat(SEEN.stream().filter(simulator -> simulator != outer)).hasSize(1);
  }

  @Test
  void aThrowingConstructor_underOneInstancePerClass_stillClosesTheSimulator_evenWithoutClosingAutoCloseables() {
    // JUnit skips the after-all callbacks here; only the store, closed with the class, stops it.
    TestExecutionSummary summary = run(ThrowingConstructorCase.class,
        Map.of("junit.jupiter.extensions.store.close.autocloseable.enabled", "false"));

    assertThat(summary.getFailures()).singleElement()
        .satisfies(failure -> assertThat(failure.getException()).hasMessage("constructor fails"));
    assertThat(SEEN).singleElement().satisfies(simulator -> assertThat(listening(simulator)).isFalse());
  }

  @Test
  void theCasesHere_runElsewhere_areSkipped() {
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
        .selectors(selectClass(ConstructorUnderPerMethodCase.class), selectClass(ThrowingConstructorCase.class))
        .build(), listener);

    assertThat(listener.getSummary().getTotalFailureCount()).isZero();
    assertThat(listener.getSummary().getContainersSkippedCount()).isEqualTo(2);
    assertThat(SEEN).isEmpty();
  }

  @Test
  void perClass_onAnInstanceField_failsEachTest_sayingToMakeItStatic() {
    assertFailsOnce(InstanceFieldPerClassCase.class, ExtensionConfigurationException.class,
        "make the @RegisterExtension field static");
  }

  @Test
  void perMethod_inABeforeAllMethod_failsTheClass_sayingToUsePerClass() {
    assertFailsOnce(BeforeAllUnderPerMethodCase.class, ParameterResolutionException.class,
        "with lifecycle PER_METHOD", "use lifecycle PER_CLASS");
  }

  @Test
  void perMethod_inAConstructor_failsTheTest_sayingToUsePerClass() {
    assertFailsOnce(ConstructorUnderPerMethodCase.class, ParameterResolutionException.class,
        "not constructors or @BeforeAll/@AfterAll methods");
  }

  /** Runs {@code testClass}: nothing succeeds, one failure of {@code type} says each part; no simulator handed out. */
  private static void assertFailsOnce(Class<?> testClass, Class<? extends Throwable> type, String... messageParts) {
    TestExecutionSummary summary = run(testClass);

    assertThat(summary.getTestsSucceededCount()).isZero();
    assertThat(summary.getFailures()).singleElement().satisfies(failure -> {
      assertThat(failure.getException()).isInstanceOf(type);
      for (String part : messageParts) {
        assertThat(failure.getException()).hasMessageContaining(part);
      }
    });
    assertThat(SEEN).isEmpty();
  }

  private static TestExecutionSummary run(Class<?> testClass) {
    return run(testClass, Map.of());
  }

  private static TestExecutionSummary run(Class<?> testClass, Map<String, String> configuration) {
    Map<String, String> parameters = new HashMap<>(configuration);
    parameters.put(LaunchedCase.PARAMETER, "true");
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass))
        .configurationParameters(parameters).build(), listener);
    return listener.getSummary();
  }

  static boolean listening(AtlasSimulator simulator) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), simulator.port()), 2_000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @LaunchedCase
  @AtlasSimulatorTest
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class PerMethodCase {

    @BeforeEach
    void before(AtlasSimulator simulator) {
      SEEN.add(simulator);
    }

    @Test
    @Order(1)
    void first(AtlasSimulator simulator) {
      SEEN.add(simulator);
      OBSERVED.add("first: " + (listening(simulator) ? "listening" : "closed"));
    }

    @Test
    @Order(2)
    void second(AtlasSimulator simulator) {
      SEEN.add(simulator);
      OBSERVED.add("second: " + (listening(simulator) ? "listening" : "closed")
          + ", first " + (listening(SEEN.get(0)) ? "listening" : "closed"));
    }
  }

  @LaunchedCase
  @AtlasSimulatorTest(lifecycle = SimulatorLifecycle.PER_CLASS)
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class PerClassCase {

    PerClassCase(AtlasSimulator simulator) {
      SEEN.add(simulator); // once per test method: JUnit makes an instance per test
    }

    @BeforeAll
    static void beforeAll(AtlasSimulator simulator) {
      SEEN.add(simulator);
    }

    @Test
    @Order(1)
    void first(AtlasSimulator simulator, PrivateEndpointServicesApi services) {
      SEEN.add(simulator);
      services.createPrivateEndpointService(InjectionTest.PROJECT,
          new CloudProviderEndpointServiceRequest()
              .providerName(CloudProvider.AWS).region("us-east-1"));
      OBSERVED.add("first: " + (listening(simulator) ? "listening" : "closed"));
    }

    @Test
    @Order(2)
    void second(AtlasSimulator simulator) {
      SEEN.add(simulator);
      OBSERVED.add("second: " + (listening(simulator) ? "listening" : "closed") + ", "
          + simulator.inventory().resources(Operation.CREATE_PRIVATE_ENDPOINT_SERVICE)
              .size() + " resource");
    }
  }

  @LaunchedCase
  @AtlasSimulatorTest(lifecycle = SimulatorLifecycle.PER_CLASS)
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  static class OneInstancePerClassCase {

    OneInstancePerClassCase(AtlasSimulator simulator) { // runs before any @BeforeAll callback
      SEEN.add(simulator);
    }

    @BeforeAll
    void beforeAll(AtlasSimulator simulator) {
      SEEN.add(simulator);
    }

    @Test
    void test(AtlasSimulator simulator) {
      SEEN.add(simulator);
    }
  }

  @LaunchedCase
  static class RegisteredPerClassCase {

    @RegisterExtension
    static final AtlasSimulatorExtension ATLAS =
        AtlasSimulatorExtension.builder().lifecycle(SimulatorLifecycle.PER_CLASS).build();

    @BeforeAll
    static void beforeAll() {
      SEEN.add(ATLAS.simulator());
    }

    @AfterAll
    static void afterAll() {
      SEEN.add(ATLAS.simulator());
    }

    @Test
    void first() {
      SEEN.add(ATLAS.simulator());
    }

    @Test
    void second() {
      SEEN.add(ATLAS.simulator());
    }
  }

  @LaunchedCase
  static class InstanceFieldPerClassCase {

    @RegisterExtension
    final AtlasSimulatorExtension atlas =
        AtlasSimulatorExtension.builder().lifecycle(SimulatorLifecycle.PER_CLASS).build();

    @Test
    void test(AtlasSimulator simulator) {
      SEEN.add(simulator);
    }
  }

  @LaunchedCase
  @AtlasSimulatorTest
  static class ConstructorUnderPerMethodCase {

    ConstructorUnderPerMethodCase(AtlasSimulator simulator) {
      SEEN.add(simulator);
    }

    @Test
    void test() {}
  }

  @LaunchedCase
  @AtlasSimulatorTest
  static class BeforeAllUnderPerMethodCase {

    @BeforeAll
    static void beforeAll(AtlasSimulator simulator) {
      SEEN.add(simulator);
    }

    @Test
    void test() {}
  }

  @LaunchedCase
  static class ParallelCase {

    @RegisterExtension
    static final AtlasSimulatorExtension ATLAS = AtlasSimulatorExtension.builder().build();

    @Test
    void first(AtlasSimulator simulator) throws Exception {
      observeTheAccessorOnceBothRun(simulator);
    }

    @Test
    void second(AtlasSimulator simulator) throws Exception {
      observeTheAccessorOnceBothRun(simulator);
    }

    private static void observeTheAccessorOnceBothRun(AtlasSimulator simulator) throws Exception {
      SEEN.add(simulator);
      BOTH_RUNNING.await(30, TimeUnit.SECONDS); // both simulators started; a bound, not a timing assertion
      OBSERVED.add(ATLAS.simulator() == simulator ? "accessor returns its own" : "accessor returns another");
    }
  }

  @LaunchedCase
  @AtlasSimulatorTest(lifecycle = SimulatorLifecycle.PER_CLASS)
  static class NestedSettingsCase {

    @BeforeAll
    static void beforeAll(AtlasSimulator simulator) {
      SEEN.add(simulator);
    }

    @Nested
    @AtlasSimulatorTest(lifecycle = SimulatorLifecycle.PER_CLASS, auth = SimulatorAuth.SERVICE_ACCOUNT)
    class OtherSettings {

      @Test
      void test(AtlasSimulator simulator, PrivateEndpointServicesApi services) {
        SEEN.add(simulator);
        services.createPrivateEndpointService(InjectionTest.PROJECT,
            new CloudProviderEndpointServiceRequest().providerName(CloudProvider.AWS).region("us-east-1"));
        OBSERVED.add("other settings: " + (simulator == SEEN.get(0) ? "the outer simulator" : "own simulator")
            + ", " + InjectionTest.lastAuthorization(simulator));
      }
    }

    @Nested
    @AtlasSimulatorTest(lifecycle = SimulatorLifecycle.PER_CLASS)
    class EqualSettings {

      @Test
      void test(AtlasSimulator simulator) {
        SEEN.add(simulator);
        OBSERVED.add("equal settings: " + (simulator == SEEN.get(0) ? "the outer simulator" : "own simulator"));
      }
    }
  }

  @LaunchedCase
  @AtlasSimulatorTest(lifecycle = SimulatorLifecycle.PER_CLASS)
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  static class ThrowingConstructorCase {

    ThrowingConstructorCase(AtlasSimulator simulator) {
      SEEN.add(simulator);
      throw new IllegalStateException("constructor fails");
    }

    @Test
    void test() {}
  }
}
