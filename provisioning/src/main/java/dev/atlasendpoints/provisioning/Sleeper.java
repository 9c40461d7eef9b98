package dev.atlasendpoints.provisioning;

import java.time.Duration;

/** How a waiter pauses between reads; tests hand in one that advances a manual clock instead. */
@FunctionalInterface
public interface Sleeper {

  /** The real one: {@link Thread#sleep}, so that an interrupt (a cancelled wait) ends it. */
  Sleeper THREAD_SLEEP = duration -> Thread.sleep(duration.toMillis());

  void sleep(Duration duration) throws InterruptedException;
}
