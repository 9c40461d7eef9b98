package dev.atlasendpoints.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The bound on the buckets a long-lived multi-tenant client keeps; times are handed in. */
class SendQueuesTest {

  private static SendQueue newQueue(String key) {
    return new SendQueue(new CubicSendRate(RateLimitSettings.Adaptive.defaults(), 100), 100, rate -> {}, 0);
  }

  @Test
  void aHundredThousandProjectsTouchedOnce_keepAtMostMaxBuckets() {
    SendQueues queues = new SendQueues(TimeUnit.MINUTES.toNanos(10), 1_000, 0);
    int most = 0;

    for (int project = 0; project < 100_000; project++) {
      queues.acquire("/api/atlas/v2/groups/{groupId}/privateEndpoint@" + project, SendQueuesTest::newQueue,
          project).release();
      most = Math.max(most, queues.size());
    }

    assertThat(most).isLessThanOrEqualTo(1_001);
  }

  @Test
  void idleBuckets_areForgotten_busyOnesAreKept() {
    long idle = TimeUnit.MINUTES.toNanos(10);
    SendQueues queues = new SendQueues(idle, 10_000, 0);
    queues.acquire("idle", SendQueuesTest::newQueue, 0).release();
    SendQueue busy = queues.acquire("busy", SendQueuesTest::newQueue, 0); // a caller still waiting or sending

    queues.acquire("later", SendQueuesTest::newQueue, idle + 1).release();

    assertThat(queues.size()).isEqualTo(2); // "busy" and "later"
    assertThat(queues.acquire("busy", SendQueuesTest::newQueue, idle + 2)).isSameAs(busy);
  }
}
