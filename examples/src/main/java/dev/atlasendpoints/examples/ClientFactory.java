package dev.atlasendpoints.examples;

import dev.atlasendpoints.core.AtlasClient;
import dev.atlasendpoints.core.HttpSettings;
import dev.atlasendpoints.metrics.AtlasMetrics;
import dev.atlasendpoints.resilience.RateLimitLayer;
import dev.atlasendpoints.resilience.RateLimitSettings;
import dev.atlasendpoints.resilience.RetryLayer;
import dev.atlasendpoints.resilience.RetrySettings;
import io.micrometer.core.instrument.MeterRegistry;

/** A client with every layer: digest or service-account auth, retries, rate limiting, metrics. */
final class ClientFactory {

  private ClientFactory() {}

  static AtlasClient fullyLayered(AtlasEnvironment env, MeterRegistry registry, String userAgent) {
    AtlasMetrics metrics = AtlasMetrics.of(registry);
    AtlasClient.Builder builder = AtlasClient.builder()
        .baseUrl(env.baseUrl())
        .httpSettings(HttpSettings.builder().userAgentSuffix(userAgent).build())
        .layer(RetryLayer.of(RetrySettings.defaults()))
        .layer(RateLimitLayer.of(RateLimitSettings.defaults()))
        .layer(metrics.callLayer())
        .layer(metrics.exchangeLayer())
        .listener(metrics.eventListener());
    if (env.publicKey() != null && env.privateKey() != null) {
      builder.apiKey(env.publicKey(), env.privateKey());
    } else if (env.clientId() != null && env.clientSecret() != null) {
      builder.serviceAccount(env.clientId(), env.clientSecret());
    } else {
      throw new IllegalStateException("set ATLAS_PUBLIC_KEY and ATLAS_PRIVATE_KEY, or ATLAS_CLIENT_ID and "
          + "ATLAS_CLIENT_SECRET");
    }
    return builder.build();
  }
}
