package dev.atlasendpoints.examples;

import dev.atlasendpoints.provisioning.Durations;
import dev.atlasendpoints.provisioning.StateChange;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Progress of a wait on stderr (stdout keeps the resource's JSON): one line per status change, or on
 * a terminal one live status line, rewritten in place every second, ended when the wait ends.
 */
final class ProgressLine implements AutoCloseable {

  private static final String REWRITE = "\r\u001b[K";

  private final PrintWriter out;
  private final boolean terminal;
  private ScheduledExecutorService ticker;
  private String subject;
  private long startNanos;
  private boolean closed;

  ProgressLine(PrintWriter out, boolean terminal) {
    this.out = out;
    this.terminal = terminal;
  }

  synchronized void show(StateChange change) {
    if (closed) {
      return;
    }
    // The status is the server's text: no control character of it reaches the terminal.
    subject = (change.resource().kind() + " " + change.status()).replaceAll("[\\p{Cc}\\p{Cf}]", " ");
    if (!terminal) {
      out.println(subject + " after " + Durations.format(change.elapsed()));
      out.flush();
      return;
    }
    startNanos = System.nanoTime() - change.elapsed().toNanos();
    redraw();
    if (ticker == null) {
      ticker = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "atlas-cli-progress");
        thread.setDaemon(true);
        return thread;
      });
      ticker.scheduleAtFixedRate(this::redraw, 1, 1, TimeUnit.SECONDS);
    }
  }

  private synchronized void redraw() {
    if (closed) {
      return;
    }
    out.print(REWRITE + subject + " after " + Durations.format(Duration.ofNanos(System.nanoTime() - startNanos)));
    out.flush();
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (ticker != null) {
      ticker.shutdownNow();
      out.println();
      out.flush();
    }
  }
}
