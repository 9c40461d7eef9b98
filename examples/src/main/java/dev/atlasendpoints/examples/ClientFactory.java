package dev.atlasendpoints.examples;

import dev.atlasendpoints.core.AtlasClient;
import dev.atlasendpoints.core.HttpSettings;
import dev.atlasendpoints.metrics.AtlasMetrics;
import dev.atlasendpoints.resilience.RateLimitLayer;
import dev.atlasendpoints.resilience.RateLimitSettings;
import dev.atlasendpoints.resilience.RateLimitStore;
import dev.atlasendpoints.resilience.RetryLayer;
import dev.atlasendpoints.resilience.RetrySettings;
import io.micrometer.core.instrument.MeterRegistry;

/** A client with every layer: digest or service-account auth, retries, rate limiting, metrics. */
final class ClientFactory {

  private ClientFactory() {}

  static AtlasClient fullyLayered(AtlasEnvironment env, MeterRegistry registry, String userAgent) {
    return fullyLayered(env, registry, userAgent, null);
  }

  /** As {@link #fullyLayered(AtlasEnvironment, MeterRegistry, String)}, its rate limits shared through {@code shared} (or not, when null). */
  static AtlasClient fullyLayered(AtlasEnvironment env, MeterRegistry registry, String userAgent,
      RateLimitStore shared) {
    RateLimitSettings.Builder limits = RateLimitSettings.builder();
    if (shared != null) {
      limits.sharedThrough(shared);
    }
    AtlasMetrics metrics = AtlasMetrics.of(registry);
    AtlasClient.Builder builder = AtlasClient.builder()
        .httpSettings(HttpSettings.builder().userAgentSuffix(userAgent).build())
        .layer(RetryLayer.of(RetrySettings.defaults()))
        .layer(RateLimitLayer.of(limits.build()))
        .layer(metrics.callLayer())
        .layer(metrics.exchangeLayer())
        .listener(metrics.eventListener());
    try {
      return withCredentials(builder.baseUrl(env.baseUrl()), env).build();
    } catch (IllegalArgumentException e) {
      // The builder checks the base URL and the keys, which here are the user's input.
      throw new BadInputException(e.getMessage(), e);
    }
  }

  private static AtlasClient.Builder withCredentials(AtlasClient.Builder builder, AtlasEnvironment env) {
    if (env.publicKey() != null && env.privateKey() != null) {
      return builder.apiKey(env.publicKey(), env.privateKey());
    }
    if (env.clientId() != null && env.clientSecret() != null) {
      return builder.serviceAccount(env.clientId(), env.clientSecret());
    }
    throw new BadInputException("no credentials: set " + AtlasEnvironment.PUBLIC_KEY + " and "
        + AtlasEnvironment.PRIVATE_KEY + ", or " + AtlasEnvironment.CLIENT_ID + " and " + AtlasEnvironment.CLIENT_SECRET
        + " (not set: " + String.join(", ", env.unsetCredentialVariables()) + ")");
  }
}
