package dev.atlasendpoints.simulator;

import static dev.atlasendpoints.simulator.TestClient.PROJECT;
import static dev.atlasendpoints.simulator.TestClient.V2;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Token buckets per endpoint set and project, answered as the live service does. */
class SimulatorRateLimitTest {

  private static final String SERVERLESS = "/api/atlas/v2/groups/" + PROJECT + "/privateEndpoint/serverless/instance/i1/endpoint";
  private static final String LEGACY = "/api/atlas/v1.0/groups/" + PROJECT + "/privateEndpoint/serverless/instance/i1/endpoint";

  private AtlasSimulator simulator;
  private final ManualClock clock = new ManualClock();

  @AfterEach
  void stop() {
    simulator.close();
  }

  private TestClient start(AtlasSimulator.Builder builder) {
    simulator = builder.apiKey(ApiKey.of("public", "private")).clock(clock).start();
    return new TestClient(simulator);
  }

  @Test
  void anEmptyBucket_answers429WithRetryAfter_andTheContractsBody() throws Exception {
    TestClient client = start(AtlasSimulator.builder().rateLimit(new RateLimit(2, 5, 60)));

    int first = client.postWithDigest(SERVERLESS, V2, "{}", "public", "private").statusCode();
    HttpResponse<String> second = client.postWithDigest(SERVERLESS, V2, "{}", "public", "private");
    HttpResponse<String> third = client.postWithDigest(SERVERLESS, V2, "{}", "public", "private");

    assertThat(first).isEqualTo(201);
    assertThat(second.headers().firstValue("RateLimit-Remaining")).hasValue("0");
    assertThat(third.statusCode()).isEqualTo(429);
    assertThat(third.headers().firstValue("Retry-After")).hasValue("12");
    JsonNode body = new ObjectMapper().readTree(third.body());
    assertThat(body.get("errorCode").asText()).isEqualTo("RATE_LIMITED_TOKEN_BUCKET");
    assertThat(body.get("reason").asText()).isEqualTo("Too Many Requests");
    assertThat(body.get("detail").asText()).isEqualTo("Rate limit exceeded for " + EnforceRateLimit.ENDPOINT_SET
        + ". Please retry after 12 seconds. Request capacity: 2. Refill rate: 5 per 60 seconds.");
    assertThat(body.get("parameters").toString()).isEqualTo("[\"" + EnforceRateLimit.ENDPOINT_SET + "\",12,2,5,60]");
    assertThat(simulator.counters().rateLimited()).isEqualTo(1);
    assertThat(simulator.inventory().resources()).hasSize(2);
  }

  @Test
  void theBucketRefills_atItsRate() throws Exception {
    TestClient client = start(AtlasSimulator.builder().rateLimit(new RateLimit(1, 1, 10)));
    client.postWithDigest(SERVERLESS, V2, "{}", "public", "private");

    int throttled = client.postWithDigest(SERVERLESS, V2, "{}", "public", "private").statusCode();
    clock.advance(Duration.ofSeconds(10));
    int refilled = client.postWithDigest(SERVERLESS, V2, "{}", "public", "private").statusCode();

    assertThat(throttled).isEqualTo(429);
    assertThat(refilled).isEqualTo(201);
  }

  @Test
  void bucketsArePerProject_andV1IsNotLimited() throws Exception {
    TestClient client = start(AtlasSimulator.builder().rateLimit(new RateLimit(1, 1, 60)));
    client.postWithDigest(SERVERLESS, V2, "{}", "public", "private");

    int otherProject = client.postWithDigest(SERVERLESS.replace(PROJECT, "cccccccccccccccccccccccc"), V2, "{}",
        "public", "private").statusCode();
    int legacy = client.postWithDigest(LEGACY, "application/json", "{}", "public", "private").statusCode();

    assertThat(otherProject).isEqualTo(201);
    assertThat(legacy).isEqualTo(201);
  }

  @Test
  void v2Reads_takeTokensFromTheBucketOfTheCreates_v1ReadsAreNotLimited() throws Exception {
    start(AtlasSimulator.builder().rateLimit(new RateLimit(2, 1, 60)));
    TestClient client = new TestClient(simulator, "public", "private");
    String id = TestResources.service(client, "AWS", "us-east-1").get("id").asText();

    HttpResponse<String> read = client.get(AtlasPaths.service(AtlasPaths.Version.V2, "AWS", id));
    HttpResponse<String> throttledRead = client.get(AtlasPaths.services(AtlasPaths.Version.V2, "AWS"));
    HttpResponse<String> throttledCreate = client.post(SERVERLESS, "{}");
    HttpResponse<String> v1Read = client.get(AtlasPaths.service(AtlasPaths.Version.V1, "AWS", id));
    HttpResponse<String> v1List = client.get(AtlasPaths.serverless(AtlasPaths.Version.V1, "i1"));

    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(read.headers().firstValue("RateLimit-Remaining")).hasValue("0");
    assertThat(throttledRead.statusCode()).isEqualTo(429);
    assertThat(throttledRead.headers().firstValue("Retry-After")).hasValue("60");
    assertThat(new ObjectMapper().readTree(throttledRead.body()).get("errorCode").asText())
        .isEqualTo("RATE_LIMITED_TOKEN_BUCKET");
    assertThat(throttledCreate.statusCode()).isEqualTo(429);
    assertThat(v1Read.statusCode()).isEqualTo(200);
    assertThat(v1Read.headers().firstValue("RateLimit-Limit")).isEmpty();
    assertThat(v1List.statusCode()).isEqualTo(200);
  }

  @Test
  void headersCanBeOmitted_asTheLiveServiceSometimesDoes() throws Exception {
    TestClient client = start(AtlasSimulator.builder().rateLimit(new RateLimit(1, 1, 60)).rateLimitHeaders(false));

    HttpResponse<String> ok = client.postWithDigest(SERVERLESS, V2, "{}", "public", "private");
    HttpResponse<String> throttled = client.postWithDigest(SERVERLESS, V2, "{}", "public", "private");

    assertThat(ok.headers().firstValue("RateLimit-Limit")).isEmpty();
    assertThat(throttled.statusCode()).isEqualTo(429);
    assertThat(throttled.headers().firstValue("Retry-After")).isEmpty();
  }

  @Test
  void bareAnswers_sayOnlyWhenToComeBack_asTheSpecsOwnExampleDoes() throws Exception {
    TestClient client = start(AtlasSimulator.builder().rateLimit(new RateLimit(1, 5, 1)).bareRateLimitAnswers(true));

    HttpResponse<String> ok = client.postWithDigest(SERVERLESS, V2, "{}", "public", "private");
    HttpResponse<String> throttled = client.postWithDigest(SERVERLESS, V2, "{}", "public", "private");

    assertThat(ok.statusCode()).isEqualTo(201);
    assertThat(ok.headers().firstValue("RateLimit-Limit")).isEmpty();
    assertThat(ok.headers().firstValue("RateLimit-Remaining")).isEmpty();
    assertThat(throttled.statusCode()).isEqualTo(429);
    assertThat(throttled.headers().firstValue("Retry-After")).hasValue("1");
    JsonNode body = new ObjectMapper().readTree(throttled.body());
    assertThat(body.get("errorCode").asText()).isEqualTo("RATE_LIMITED");
    assertThat(body.path("parameters").size()).isZero();
  }

  @Test
  void v1CanBeLimited_inItsOwnBucket_withBareAnswers() throws Exception {
    TestClient client = start(AtlasSimulator.builder().rateLimit(new RateLimit(1, 1, 60)).rateLimitV1(true));
    client.postWithDigest(SERVERLESS, V2, "{}", "public", "private");

    HttpResponse<String> legacy = client.postWithDigest(LEGACY, "application/json", "{}", "public", "private");
    HttpResponse<String> legacyThrottled = client.postWithDigest(LEGACY, "application/json", "{}", "public", "private");

    assertThat(legacy.statusCode()).as("a bucket apart from v2's").isEqualTo(201);
    assertThat(legacyThrottled.statusCode()).isEqualTo(429);
    assertThat(legacyThrottled.headers().firstValue("Retry-After")).hasValue("60");
    assertThat(new ObjectMapper().readTree(legacyThrottled.body()).get("errorCode").asText()).isEqualTo("RATE_LIMITED");
  }

  @Test
  void theRateCanChange_whileTheSimulatorRuns() throws Exception {
    TestClient client = start(AtlasSimulator.builder().rateLimit(new RateLimit(1, 1, 10)));
    client.postWithDigest(SERVERLESS, V2, "{}", "public", "private");

    simulator.changeRateLimit(new RateLimit(1, 1, 1));
    clock.advance(Duration.ofSeconds(1));
    int refilledAtTheNewRate = client.postWithDigest(SERVERLESS, V2, "{}", "public", "private").statusCode();
    HttpResponse<String> throttled = client.postWithDigest(SERVERLESS, V2, "{}", "public", "private");

    assertThat(refilledAtTheNewRate).isEqualTo(201);
    assertThat(throttled.statusCode()).isEqualTo(429);
    assertThat(throttled.body()).contains("Refill rate: 1 per 1 seconds.");
  }
}
