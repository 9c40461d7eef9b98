package dev.atlasendpoints.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class InlineExecutorTest {

  @Test
  void runsEachTaskOnTheThreadThatHandsItOver_atOnce() {
    InlineExecutor executor = new InlineExecutor();
    AtomicReference<Thread> ranOn = new AtomicReference<>();

    executor.execute(() -> ranOn.set(Thread.currentThread()));

    assertThat(ranOn.get()).isSameAs(Thread.currentThread());
  }

  @Test
  void aTaskThatThrows_doesNotThrowFromExecute_butReachesTheThreadsHandler() throws Exception {
    // The JDK's client stops its selector (ending every exchange) when execute throws.
    InlineExecutor executor = new InlineExecutor();
    List<Throwable> handled = new ArrayList<>();
    List<Throwable> escaped = new ArrayList<>();
    Thread thread = new Thread(() -> {
      try {
        executor.execute(() -> {
          throw new IllegalStateException("a task's own failure");
        });
      } catch (Throwable e) { // NOPMD: what execute lets through is what this test looks for
        escaped.add(e);
      }
    });
    thread.setUncaughtExceptionHandler((t, e) -> handled.add(e));

    thread.start();
    thread.join();

    assertThat(handled).singleElement().satisfies(e -> assertThat(e).hasMessage("a task's own failure"));
    assertThat(escaped).isEmpty();
  }

  @Test
  void onceShutDown_refusesEveryTask_andRunsNone() {
    InlineExecutor executor = new InlineExecutor();
    List<String> ran = new ArrayList<>();

    assertThat(executor.shutdownNow()).isEmpty();

    assertThat(executor.isShutdown()).isTrue();
    assertThatThrownBy(() -> executor.execute(() -> ran.add("task"))).isInstanceOf(RejectedExecutionException.class);
    assertThat(ran).isEmpty();
  }
}
