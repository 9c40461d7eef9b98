package dev.atlasendpoints.simulator.junit;

/** How long one simulator, and the client pointed at it, lives. */
public enum SimulatorLifecycle {

  /**
   * A fresh simulator for each test method, started before its {@code @BeforeEach} methods and stopped
   * after its {@code @AfterEach} methods: no test sees another's resources, faults or counters.
   */
  PER_METHOD,

  /**
   * One simulator for all the tests of a class (and its {@code @Nested} classes that ask for the same
   * settings), started before its {@code @BeforeAll} methods and stopped after its {@code @AfterAll}
   * methods. Tests share its resources; {@code @BeforeAll} and {@code @AfterAll} methods and the test
   * constructor can receive it. With
   * {@code @RegisterExtension}, the field must be {@code static}.
   */
  PER_CLASS
}
