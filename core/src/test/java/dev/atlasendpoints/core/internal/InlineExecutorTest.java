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
  void aTaskThatThrows_doesNotThrowFromExecute_andTheNextTaskStillRuns() {
    // The JDK's client stops its selector (ending every exchange) when execute throws.
    InlineExecutor executor = new InlineExecutor();
    List<String> ran = new ArrayList<>();

    executor.execute(() -> {
      throw new IllegalStateException("a task's own failure");
    });
    executor.execute(() -> ran.add("next"));

    assertThat(ran).containsExactly("next");
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
