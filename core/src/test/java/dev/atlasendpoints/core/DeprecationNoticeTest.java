package dev.atlasendpoints.core;

import static dev.atlasendpoints.core.Fixtures.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atlasendpoints.generated.api.ServerlessPrivateEndpointsApi;
import dev.atlasendpoints.generated.model.ServerlessTenantCreateRequest;
import dev.atlasendpoints.simulator.AtlasSimulator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** Atlas's Deprecation/Sunset answers are logged once per operation, however often it is called. */
class DeprecationNoticeTest {

  @Test
  @SuppressWarnings("deprecation")
  void eachDeprecatedOperation_isLoggedOnce_withItsSunset() {
    List<LogRecord> records = new CopyOnWriteArrayList<>();
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord record) {
        records.add(record);
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    Logger logger = Logger.getLogger("dev.atlasendpoints.core.deprecation");
    logger.addHandler(capture);
    try (AtlasSimulator simulator = Fixtures.simulator().start();
        AtlasClient client = Fixtures.client(simulator).build()) {
      ServerlessPrivateEndpointsApi api = client.api(ServerlessPrivateEndpointsApi.class);
      for (int i = 0; i < 3; i++) {
        api.createServerlessPrivateEndpoint(PROJECT, "instance-1", new ServerlessTenantCreateRequest());
        api.createServerlessPrivateEndpointV1(PROJECT, "instance-1", new ServerlessTenantCreateRequest());
      }
    } finally {
      logger.removeHandler(capture);
    }

    assertThat(records).hasSize(2).allMatch(r -> r.getLevel() == Level.WARNING);
    assertThat(records).extracting(r -> r.getParameters()[0])
        .containsExactlyInAnyOrder("createServerlessPrivateEndpoint", "createServerlessPrivateEndpointV1");
    assertThat(records).allMatch(r -> String.valueOf(r.getParameters()[1]).contains("22 Jan 2026"));
  }
}
