package dev.atlasendpoints.spring.boot;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The atlas.* properties the starter builds its AtlasClient from. Credentials come
 * from any property source (the environment included: ATLAS_APIKEY_PUBLICKEY,
 * ATLAS_APIKEY_PRIVATEKEY, or ATLAS_SERVICEACCOUNT_CLIENTID,
 * ATLAS_SERVICEACCOUNT_CLIENTSECRET); {@link #toString()} never shows them.
 *
 * @param baseUrl the API's base URL
 * @param apiKey an API key (HTTP Digest); set this or serviceAccount
 * @param serviceAccount a service account (OAuth2 client credentials); set this or apiKey
 * @param http how the client talks HTTP
 * @param retry the retry layer (with atlas-resilience on the classpath)
 * @param rateLimit the client-side rate limiter (with atlas-resilience on the classpath)
 * @param metrics the Micrometer meters (with atlas-metrics and a MeterRegistry)
 * @param observation the observations (with atlas-observation and an ObservationRegistry)
 */
@ConfigurationProperties("atlas")
public record AtlasProperties(@DefaultValue("https://cloud.mongodb.com") String baseUrl, ApiKey apiKey,
    ServiceAccount serviceAccount, @DefaultValue Http http, @DefaultValue Retry retry,
    @DefaultValue RateLimit rateLimit, @DefaultValue Toggle metrics, @DefaultValue Toggle observation) {

  @Override
  public String toString() {
    return "AtlasProperties[baseUrl=" + baseUrl + ", apiKey=" + apiKey + ", serviceAccount=" + serviceAccount
        + ", http=" + http + ", retry=" + retry + ", rateLimit=" + rateLimit + ", metrics=" + metrics
        + ", observation=" + observation + "]";
  }

  /**
   * An API key.
   *
   * @param publicKey the public key (it identifies the key; shown by toString)
   * @param privateKey the private key (a secret: never shown)
   */
  public record ApiKey(String publicKey, String privateKey) {
    @Override
    public String toString() {
      return "ApiKey[publicKey=" + publicKey + ", privateKey=" + Masked.of(privateKey) + "]";
    }
  }

  /**
   * A service account.
   *
   * @param clientId the client id (shown by toString)
   * @param clientSecret the client secret (never shown)
   */
  public record ServiceAccount(String clientId, String clientSecret) {
    @Override
    public String toString() {
      return "ServiceAccount[clientId=" + clientId + ", clientSecret=" + Masked.of(clientSecret) + "]";
    }
  }

  /**
   * HTTP settings; unset ones keep the SDK's defaults (HttpSettings.defaults()).
   *
   * @param connectTimeout the longest wait for a connection
   * @param readTimeout the longest wait for a whole answer from the moment the request is sent
   * @param maxResponseSize the largest answer body read
   * @param allowInsecureHttp whether http:// is allowed to hosts other than loopback
   * @param userAgentSuffix appended to the SDK's User-Agent, e.g. your application's name
   */
  public record Http(@DefaultValue("10s") Duration connectTimeout, @DefaultValue("60s") Duration readTimeout,
      @DefaultValue("1MB") DataSize maxResponseSize, @DefaultValue("false") boolean allowInsecureHttp,
      String userAgentSuffix) {}

  /**
   * The retry layer; defaults are RetrySettings.defaults().
   *
   * @param enabled whether to add the retry layer
   * @param maxAttempts attempts per call, the first included
   * @param initialBackoff the backoff before the first retry when Atlas names no wait
   * @param maxBackoff the longest backoff between two attempts
   * @param multiplier growth of the backoff per attempt
   * @param maxTotalWait the most a call waits across all its retries
   * @param replayAmbiguousOutcomes whether to replay requests Atlas may have processed (a replayed
   *     create can create a second resource)
   */
  public record Retry(@DefaultValue("true") boolean enabled, @DefaultValue("4") int maxAttempts,
      @DefaultValue("200ms") Duration initialBackoff, @DefaultValue("10s") Duration maxBackoff,
      @DefaultValue("2.0") double multiplier, @DefaultValue("60s") Duration maxTotalWait,
      @DefaultValue("false") boolean replayAmbiguousOutcomes) {}

  /**
   * The client-side rate limiter; defaults are RateLimitSettings.defaults().
   *
   * @param enabled whether to add the rate-limit layer
   * @param permits requests per period of each bucket (endpoint set and project)
   * @param period the refill period of each bucket
   * @param maxWait the longest a caller waits for a slot before failing at once
   * @param learnFromService whether to follow Atlas's 429s and RateLimit-* headers
   * @param sharedLimitsUrl where instances share their limits (e.g. redis://host:6379);
   *     needs atlas-ratelimit-redis on the classpath
   */
  public record RateLimit(@DefaultValue("true") boolean enabled, @DefaultValue("100") int permits,
      @DefaultValue("1s") Duration period, @DefaultValue("30s") Duration maxWait,
      @DefaultValue("true") boolean learnFromService, String sharedLimitsUrl) {
    @Override
    public String toString() {
      return "RateLimit[enabled=" + enabled + ", permits=" + permits + ", period=" + period + ", maxWait=" + maxWait
          + ", learnFromService=" + learnFromService + ", sharedLimitsUrl=" + Masked.url(sharedLimitsUrl) + "]";
    }
  }

  /**
   * Switches a layer the classpath makes available.
   *
   * @param enabled whether to add it
   */
  public record Toggle(@DefaultValue("true") boolean enabled) {}
}
