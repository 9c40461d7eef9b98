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
 * work itself, at once. Over plain HTTP none of those tasks blocks: the transport's body handler only
 * copies bytes (see {@link BoundedBodyHandler}), and every wait happens on the caller's thread, in
 * {@code send}. Over TLS the JDK also hands it a handshake's delegated tasks, which may take long
 * (a trust manager's revocation check): so only plain-HTTP clients use it ({@link ClientAssembly}).
 */
final class InlineExecutor extends AbstractExecutorService {

  private static final System.Logger LOG = System.getLogger("dev.atlasendpoints.core");

  private volatile boolean shutdown;

  /**
   * Runs {@code task} here. What the task throws stays here (logged, as a pool's thread would report
   * it, but not through the thread's uncaught-exception handler, which may throw or be slow, and which
   * would report a thread that did not die): the JDK's client takes anything {@code execute} throws
   * for a refused task, stops its selector, which ends every exchange of the client, and runs the task
   * again elsewhere.
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
      try {
        LOG.log(System.Logger.Level.WARNING, "a task of the HTTP client failed: " + failed.getClass().getName());
      } catch (Throwable loggingFailed) { // NOPMD: nothing may leave execute
        // a logger that throws changes nothing: the task's failure stays here
      }
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
