package dev.atlasendpoints.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The kernel's count of context switches (voluntary, i.e. the thread blocked, plus nonvoluntary, i.e.
 * it was preempted) of this process's threads, from {@code /proc/self/task/<tid>/status} (Linux only):
 * how many times per call a thread went to sleep and was woken, the hand-offs a call costs on top of
 * its code. Threads are told apart by their kernel name ({@code comm}, the Java name cut to 15
 * characters).
 */
final class ContextSwitches {

  private static final Path TASKS = Path.of("/proc/self/task");

  private ContextSwitches() {}

  /** Whether this system has the counts (Linux's {@code /proc}). */
  static boolean available() {
    return Files.isDirectory(TASKS);
  }

  /** One thread's name and its switches so far: voluntary (it blocked) and not (it was preempted). */
  record Count(String name, long voluntary, long preempted) {
    Count minus(Count earlier) {
      return earlier == null ? this : new Count(name, voluntary - earlier.voluntary, preempted - earlier.preempted);
    }
  }

  /** Every live thread of this process, by thread id. */
  static Map<Long, Count> byThread() {
    Map<Long, Count> counts = new HashMap<>();
    try (Stream<Path> tasks = Files.list(TASKS)) {
      tasks.forEach(task -> {
        try {
          String name = Files.readString(task.resolve("comm")).strip();
          counts.put(Long.parseLong(task.getFileName().toString()), count(name, task.resolve("status")));
        } catch (IOException gone) {
          // the thread ended between the listing and the read: its switches are not counted
        }
      });
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return counts;
  }

  /** The calling thread's switches so far (a caller reads its own before it ends, when /proc forgets it). */
  static Count ofCurrentThread() {
    try {
      return count(Thread.currentThread().getName(), Path.of("/proc/thread-self/status"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Count count(String name, Path status) throws IOException {
    long voluntary = 0;
    long preempted = 0;
    for (String line : Files.readAllLines(status)) {
      if (line.startsWith("voluntary_ctxt_switches:")) {
        voluntary = Long.parseLong(line.substring(line.indexOf(':') + 1).strip());
      } else if (line.startsWith("nonvoluntary_ctxt_switches:")) {
        preempted = Long.parseLong(line.substring(line.indexOf(':') + 1).strip());
      }
    }
    return new Count(name, voluntary, preempted);
  }
}
