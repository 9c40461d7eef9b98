package dev.atlasendpoints.examples.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atlasendpoints.simulator.AtlasSimulator;
import dev.atlasendpoints.simulator.RecordedRequest;
import dev.atlasendpoints.spring.boot.test.EnableAtlasSimulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The example application, started for real on a random port against an in-process simulator
 * ({@link EnableAtlasSimulator}), called over HTTP, and scraped like Prometheus would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "app.atlas.project-id=" + AtlasBootExampleTest.PROJECT)
@EnableAtlasSimulator
class AtlasBootExampleTest {

  static final String PROJECT = "32b6e34b3d91647abb20e7b8";

  private final HttpClient http = HttpClient.newHttpClient();

  @LocalServerPort
  int port;

  @Autowired
  AtlasSimulator atlas;

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI local(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  @Test
  void aCallThroughTheApplication_reachesTheSimulator_andShowsInPrometheus() throws Exception {
    HttpResponse<String> created = send(HttpRequest.newBuilder(local("/endpoint-services?region=us-east-1"))
        .POST(HttpRequest.BodyPublishers.noBody()));

    assertThat(created.statusCode()).isEqualTo(200);
    assertThat(created.body()).contains("\"id\"");
    assertThat(atlas.requests()).extracting(RecordedRequest::path)
        .contains("/api/atlas/v2/groups/" + PROJECT + "/privateEndpoint/endpointService");

    HttpResponse<String> scrape = send(HttpRequest.newBuilder(local("/actuator/prometheus")).GET());
    assertThat(scrape.statusCode()).isEqualTo(200);
    assertThat(scrape.body().lines().filter(line -> line.startsWith("atlas_client_calls_seconds_count{")))
        .anySatisfy(line -> assertThat(line).contains("operation=\"createPrivateEndpointService\"",
            "status=\"201\"").endsWith(" 1"));
    assertThat(scrape.body()).doesNotContain(PROJECT, "test-private");
  }
}
