package dev.atlasendpoints.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atlasendpoints.core.AtlasCall;
import dev.atlasendpoints.core.AtlasOperation;
import dev.atlasendpoints.core.ClientEventListener;
import dev.atlasendpoints.core.LayerContext;
import feign.Request;
import feign.Response;
import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ticket a thread keeps for retries of its last request does not keep that request alive. */
class RateLimitTicketsTest {

  private static final LayerContext CONTEXT = new LayerContext() {
    @Override
    public AtlasCall call(Request request) {
      return new AtlasCall(AtlasOperation.UNKNOWN, null);
    }

    @Override
    public ClientEventListener events() {
      return new ClientEventListener() {};
    }
  };

  @Test
  void aThreadsLastRequest_bodyIncluded_canBeCollectedAfterTheCall() throws Exception {
    RateLimitingClient client = new RateLimitingClient((request, options) -> Response.builder().request(request)
        .status(204).headers(Map.of()).build(), RateLimitSettings.defaults(), CONTEXT, Clock.systemUTC());

    WeakReference<Request> sent = sendOneRequest(client);
    for (int attempt = 0; attempt < 50 && sent.get() != null; attempt++) {
      System.gc();
      Thread.sleep(20);
    }

    assertThat(sent.get()).as("the last request sent on this thread, after the call").isNull();
  }

  private static WeakReference<Request> sendOneRequest(RateLimitingClient client) throws Exception {
    Request request = Request.create(Request.HttpMethod.POST, "http://127.0.0.1/api", Map.of(),
        new byte[1 << 20], StandardCharsets.UTF_8, null);
    client.execute(request, new Request.Options()).close();
    return new WeakReference<>(request);
  }
}
