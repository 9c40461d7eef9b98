package dev.atlasendpoints.simulator.junit;

import dev.atlasendpoints.core.AtlasClient;
import dev.atlasendpoints.generated.api.PrivateEndpointServicesApi;
import dev.atlasendpoints.simulator.AtlasSimulator;
import java.util.Objects;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Starts a local Atlas simulator for JUnit 5 tests, points an {@link AtlasClient} at it, injects both
 * (and the client's generated API interfaces) into parameters, and closes them afterwards. Use
 * {@link AtlasSimulatorTest @AtlasSimulatorTest} on the class, or register it on a field when the
 * simulator or the client needs options, as with WireMock's {@code WireMockExtension}:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final AtlasSimulatorExtension atlas = AtlasSimulatorExtension.builder()
 *     .lifecycle(SimulatorLifecycle.PER_CLASS)
 *     .configureSimulator(simulator -> simulator.lifecycle(Lifecycle.immediate()))
 *     .configureClient(client -> client.layer(RetryLayer.of(RetrySettings.defaults())))
 *     .build();
 *
 * @Test
 * void retriesThrough503s() {
 *   atlas.simulator().faults().next(Operation.CREATE_PRIVATE_ENDPOINT_SERVICE, Fault.serviceUnavailable(1));
 *   atlas.api(PrivateEndpointServicesApi.class).createPrivateEndpointService(projectId, request);
 * }
 * }</pre>
 *
 * <p>The simulator accepts any project id, the API key {@link #PUBLIC_KEY}/{@link #PRIVATE_KEY} and
 * the service account {@link #CLIENT_ID}/{@link #CLIENT_SECRET}, whichever {@link SimulatorAuth} the
 * injected client uses; build other clients (say, your application's) with them and
 * {@code simulator().baseUri()}. {@link #simulator()}, {@link #client()} and {@link #api(Class)} return
 * the simulator of the test (or lifecycle method) running on the calling thread, so one static field
 * serves test classes and methods that run in parallel; from threads a test starts, use what they
 * returned on the test's thread, or take the simulator and client as parameters.
 *
 * <p>Unlike WireMock's and Testcontainers' static fields, a field's lifecycle is {@code PER_METHOD}
 * unless {@link Builder#lifecycle(SimulatorLifecycle)} says {@code PER_CLASS}, the same default as
 * {@link AtlasSimulatorTest}: a {@code static} field alone does not share one simulator across a class.
 * A {@code @Nested} class shares its enclosing class's {@code PER_CLASS} simulator only when it asks for
 * the same settings; with other ones ({@code @AtlasSimulatorTest(auth = SERVICE_ACCOUNT)}, say) it gets
 * its own.
 */
public final class AtlasSimulatorExtension
    implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback, ParameterResolver {

  /** The public key of the API key every simulator started here accepts. */
  public static final String PUBLIC_KEY = "simulator-public-key";
  /** Its private key; a test credential of the local simulator, not a secret. */
  public static final String PRIVATE_KEY = "simulator-private-key";
  /** The client id of the service account every simulator started here accepts. */
  public static final String CLIENT_ID = "mdb_sa_id_simulator";
  /** Its secret; a test credential of the local simulator, not a secret. */
  public static final String CLIENT_SECRET = "mdb_sa_sk_simulator";

  private static final Namespace NAMESPACE = Namespace.create(AtlasSimulatorExtension.class);
  private static final String GENERATED_API_PACKAGE = PrivateEndpointServicesApi.class.getPackageName();

  /** What a registration asks for; equal settings may share one simulator. */
  record Settings(SimulatorLifecycle lifecycle, SimulatorAuth auth,
      Consumer<AtlasSimulator.Builder> simulatorOptions, Consumer<AtlasClient.Builder> clientOptions) {

    static final Settings DEFAULTS = new Settings(SimulatorLifecycle.PER_METHOD, SimulatorAuth.API_KEY,
        simulator -> {}, client -> {});
  }

  /** {@code null} when {@link AtlasSimulatorTest} registered this extension: its annotation decides. */
  private final Settings registered;
  /**
   * The simulator of the test or lifecycle method running on each thread, for the accessors. One
   * instance in a static field can serve several classes, or the methods of one class, at once.
   */
  private final ThreadLocal<RunningSimulator> current = new ThreadLocal<>();

  /** The instance {@link AtlasSimulatorTest} registers through {@code @ExtendWith}. */
  AtlasSimulatorExtension() {
    this(null);
  }

  private AtlasSimulatorExtension(Settings registered) {
    this.registered = registered;
  }

  /** A builder for a {@code @RegisterExtension} field. */
  public static Builder builder() {
    return new Builder();
  }

  /** The simulator of the test running on this thread. */
  public AtlasSimulator simulator() {
    return running().simulator();
  }

  /** The client pointed at {@link #simulator()}. */
  public AtlasClient client() {
    return running().client();
  }

  /** A generated API interface of {@link #client()}, as {@link AtlasClient#api(Class)}. */
  public <T> T api(Class<T> type) {
    return running().client().api(type);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    Settings settings = settings(context);
    if (settings.lifecycle() == SimulatorLifecycle.PER_CLASS) {
      classSimulator(context, settings);
    }
    bind(context);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    Settings settings = settings(context);
    if (settings.lifecycle() == SimulatorLifecycle.PER_METHOD) {
      start(context, settings);
    } else if (find(context) == null) {
      throw new ExtensionConfigurationException("AtlasSimulatorExtension with lifecycle PER_CLASS is registered "
          + "on an instance field of " + context.getRequiredTestClass().getName() + ", so JUnit never tells it "
          + "when the class starts: make the @RegisterExtension field static, or use lifecycle PER_METHOD");
    }
    bind(context);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (settings(context).lifecycle() == SimulatorLifecycle.PER_METHOD) {
      stop(context);
    }
    bind(context); // the class's simulator, if any, for its @AfterAll methods
  }

  @Override
  public void afterAll(ExtensionContext context) {
    stop(context); // only a simulator this class started itself; none under PER_METHOD
    context.getParent().ifPresentOrElse(this::bind, current::remove);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == AtlasSimulator.class || type == AtlasClient.class
        || (type.isInterface() && type.getPackageName().equals(GENERATED_API_PACKAGE));
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Settings settings = settings(context);
    RunningSimulator running = find(context);
    if (settings.lifecycle() == SimulatorLifecycle.PER_CLASS && context.getTestMethod().isEmpty()) {
      // The constructor of a @TestInstance(PER_CLASS) test runs before any @BeforeAll callback.
      running = classSimulator(context, settings);
    }
    if (running == null) {
      throw new ParameterResolutionException("No Atlas simulator is running for "
          + parameter.getDeclaringExecutable() + ": with lifecycle PER_METHOD a simulator starts before each "
          + "test method, so only test methods and @BeforeEach/@AfterEach methods can receive one, not "
          + "constructors or @BeforeAll/@AfterAll methods; use lifecycle PER_CLASS for those");
    }
    Class<?> type = parameter.getParameter().getType();
    if (type == AtlasSimulator.class) {
      return running.simulator();
    }
    if (type == AtlasClient.class) {
      return running.client();
    }
    return running.client().api(type);
  }

  @Override
  public String toString() {
    return "AtlasSimulatorExtension[" + (registered == null ? "@AtlasSimulatorTest"
        : registered.lifecycle() + ", " + registered.auth()) + "]";
  }

  /**
   * The simulator of a {@code PER_CLASS} class: an enclosing class's when that one was started with equal
   * settings, else one started for this class (a {@code @Nested} class may ask for other credentials).
   */
  private RunningSimulator classSimulator(ExtensionContext context, Settings settings) {
    RunningSimulator running = find(context);
    return running != null && running.settings().equals(settings) ? running : start(context, settings);
  }

  private RunningSimulator start(ExtensionContext context, Settings settings) {
    RunningSimulator running = RunningSimulator.start(settings);
    // Closeable: should an after-callback never come, JUnit closes it with the context.
    context.getStore(NAMESPACE).put(this, running);
    return running;
  }

  private void stop(ExtensionContext context) {
    RunningSimulator running = context.getStore(NAMESPACE).remove(this, RunningSimulator.class);
    if (running != null) {
      running.close();
    }
  }

  /** Points this thread's accessors at the simulator of {@code context}, or at none. */
  private void bind(ExtensionContext context) {
    RunningSimulator running = find(context);
    if (running == null) {
      current.remove();
    } else {
      current.set(running);
    }
  }

  /** The simulator of this context or, failing that, of the nearest enclosing one. */
  private RunningSimulator find(ExtensionContext context) {
    return context.getStore(NAMESPACE).get(this, RunningSimulator.class);
  }

  private RunningSimulator running() {
    RunningSimulator running = current.get();
    if (running == null || running.isClosed()) {
      throw new IllegalStateException("no Atlas simulator is running on this thread: simulator(), client() "
          + "and api() work on the thread of a test (or lifecycle method) of a class that registers this "
          + "extension with @RegisterExtension, while its simulator runs; hand what they return to other "
          + "threads, or take the simulator and client as parameters");
    }
    return running;
  }

  private Settings settings(ExtensionContext context) {
    if (registered != null) {
      return registered;
    }
    for (Class<?> type = context.getRequiredTestClass(); type != null; type = type.getEnclosingClass()) {
      AtlasSimulatorTest annotation = AnnotationSupport.findAnnotation(type, AtlasSimulatorTest.class).orElse(null);
      if (annotation != null) {
        return new Settings(annotation.lifecycle(), annotation.auth(), Settings.DEFAULTS.simulatorOptions(),
            Settings.DEFAULTS.clientOptions());
      }
    }
    return Settings.DEFAULTS; // registered with a bare @ExtendWith
  }

  /** Options of a {@code @RegisterExtension} field; each has {@link AtlasSimulatorTest}'s default. */
  public static final class Builder {
    private SimulatorLifecycle lifecycle = Settings.DEFAULTS.lifecycle();
    private SimulatorAuth auth = Settings.DEFAULTS.auth();
    private Consumer<AtlasSimulator.Builder> simulatorOptions = Settings.DEFAULTS.simulatorOptions();
    private Consumer<AtlasClient.Builder> clientOptions = Settings.DEFAULTS.clientOptions();

    private Builder() {}

    /**
     * One simulator per test method (the default, also for a static field) or per test class;
     * {@code PER_CLASS} needs a static field.
     */
    public Builder lifecycle(SimulatorLifecycle lifecycle) {
      this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
      return this;
    }

    /** How the injected client authenticates; an API key by default. */
    public Builder auth(SimulatorAuth auth) {
      this.auth = Objects.requireNonNull(auth, "auth");
      return this;
    }

    /**
     * Simulator options (faults, lifecycles, rate limits, a clock...), applied to each simulator's
     * builder after the test credentials; calls add up.
     */
    public Builder configureSimulator(Consumer<AtlasSimulator.Builder> options) {
      this.simulatorOptions = this.simulatorOptions.andThen(Objects.requireNonNull(options, "options"));
      return this;
    }

    /**
     * Client options (layers, listeners, HTTP settings), applied to each client's builder before the
     * extension sets the simulator's base URL and the {@link #auth(SimulatorAuth)} credentials, so the
     * injected client always talks to the simulator; calls add up.
     */
    public Builder configureClient(Consumer<AtlasClient.Builder> options) {
      this.clientOptions = this.clientOptions.andThen(Objects.requireNonNull(options, "options"));
      return this;
    }

    public AtlasSimulatorExtension build() {
      return new AtlasSimulatorExtension(new Settings(lifecycle, auth, simulatorOptions, clientOptions));
    }
  }
}
