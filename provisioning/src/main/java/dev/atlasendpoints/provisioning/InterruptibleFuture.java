package dev.atlasendpoints.provisioning;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A future whose work runs on a daemon thread of its own, and whose {@code cancel} interrupts that
 * thread (a plain {@link CompletableFuture} would let the work run on).
 */
final class InterruptibleFuture<T> extends CompletableFuture<T> {

  private final AtomicReference<Thread> worker = new AtomicReference<>();

  private InterruptibleFuture() {}

  static <T> CompletableFuture<T> run(Supplier<T> work) {
    InterruptibleFuture<T> future = new InterruptibleFuture<>();
    Thread thread = new Thread(() -> {
      try {
        future.complete(work.get());
      } catch (RuntimeException | Error failure) {
        future.completeExceptionally(failure);
      } finally {
        future.worker.set(null);
      }
    }, "atlas-provisioning-wait");
    thread.setDaemon(true);
    future.worker.set(thread);
    thread.start();
    return future;
  }

  @Override
  public boolean cancel(boolean mayInterruptIfRunning) {
    boolean cancelled = super.cancel(mayInterruptIfRunning);
    Thread thread = worker.get();
    if (cancelled && thread != null) {
      thread.interrupt();
    }
    return cancelled;
  }

  @Override
  public <U> CompletableFuture<U> newIncompleteFuture() {
    return new CompletableFuture<>();
  }
}
