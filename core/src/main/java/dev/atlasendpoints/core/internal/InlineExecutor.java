package dev.atlasendpoints.core.internal;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The executor of the default transport's JDK {@code HttpClient}: runs each task on the thread that
 * hands it over, until it is shut down; then it refuses every task, which stops the client's selector
 * thread (as shutting down a thread pool did).
 *
 * <p>Written here because it is what the latency at one caller hinges on. The JDK's client runs the
 * tasks its callers hand over on their own threads already; only its selector thread hands tasks to
 * the executor (reading the answer's headers and body, completing the exchange), about four per
 * exchange, each waking a pool thread: on a machine whose cores the server shares, each wake-up is a
 * context switch and a wait for a core (measured with {@code ThreadCpuSplit}: four of the fifteen
 * times per call that some thread blocks and is woken). Run inline, the selector thread does that
 * work itself, at once. None of those tasks blocks: the transport's body handler only copies bytes
 * (see {@link BoundedBodyHandler}), and every wait happens on the caller's thread, in {@code send}.
 */
final class InlineExecutor extends AbstractExecutorService {

  private volatile boolean shutdown;

  /**
   * Runs {@code task} here. What the task throws stays here, as it would on a pool's thread (handed to
   * this thread's uncaught-exception handler): the JDK's client takes anything {@code execute} throws
   * for a refused task and stops its selector, which would end every exchange of the client.
   *
   * @throws RejectedExecutionException once shut down
   */
  @Override
  public void execute(Runnable task) {
    if (shutdown) {
      throw new RejectedExecutionException("the client is closed");
    }
    try {
      task.run();
    } catch (Throwable failed) { // NOPMD: see above; a pool's thread would not pass it on either
      Thread thread = Thread.currentThread();
      thread.getUncaughtExceptionHandler().uncaughtException(thread, failed);
    }
  }

  @Override
  public void shutdown() {
    shutdown = true;
  }

  /** Shuts down; there is never a queued task to hand back. */
  @Override
  public List<Runnable> shutdownNow() {
    shutdown = true;
    return List.of();
  }

  @Override
  public boolean isShutdown() {
    return shutdown;
  }

  /** Once shut down: a task already running inline finishes on its own thread, which this does not own. */
  @Override
  public boolean isTerminated() {
    return shutdown;
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) {
    return shutdown;
  }
}
