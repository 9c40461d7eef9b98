package dev.atlasendpoints.spring.boot;

import dev.atlasendpoints.core.ClientEventListener;
import dev.atlasendpoints.core.ClientLayer;
import dev.atlasendpoints.metrics.AtlasMetrics;
import dev.atlasendpoints.observation.AtlasObservations;
import dev.atlasendpoints.ratelimit.redis.RedisSharedLimits;
import dev.atlasendpoints.resilience.RateLimitLayer;
import dev.atlasendpoints.resilience.RateLimitSettings;
import dev.atlasendpoints.resilience.RateLimitStore;
import dev.atlasendpoints.resilience.RetryLayer;
import dev.atlasendpoints.resilience.RetrySettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * The layers of the optional modules, each configured only when its module is on the classpath
 * (the classes below are loaded only then) and switched on ({@code atlas.<layer>.enabled}, default
 * true). Settings are beans of their own, so an application can replace them; so are the layers:
 * a {@link RetryLayer} or {@link RateLimitLayer} bean of the application's replaces the starter's,
 * and the metrics and observation layers are replaced by a {@link ClientLayer} bean of the same
 * name ({@code atlasMetricsCallLayer}, {@code atlasMetricsExchangeLayer},
 * {@code atlasObservationCallLayer}, {@code atlasObservationExchangeLayer}).
 */
final class AtlasLayersConfiguration {

  /**
   * The class of the shared-limits module ({@code atlas-ratelimit-redis}), named as a string so that
   * the refusal below can tell "module missing" without loading it.
   */
  static final String SHARED_LIMITS_CLASS = "dev.atlasendpoints.ratelimit.redis.RedisSharedLimits";

  private AtlasLayersConfiguration() {}

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(RetryLayer.class)
  @ConditionalOnProperty(prefix = "atlas.retry", name = "enabled", matchIfMissing = true)
  static class Retry {

    @Bean
    @ConditionalOnMissingBean
    RetrySettings atlasRetrySettings(AtlasProperties properties) {
      AtlasProperties.Retry retry = properties.retry();
      return RetrySettings.builder().maxAttempts(retry.maxAttempts()).initialBackoff(retry.initialBackoff())
          .maxBackoff(retry.maxBackoff()).multiplier(retry.multiplier()).maxTotalWait(retry.maxTotalWait())
          .replayAmbiguousOutcomes(retry.replayAmbiguousOutcomes()).build();
    }

    @Bean
    @ConditionalOnMissingBean
    RetryLayer atlasRetryLayer(RetrySettings settings) {
      return RetryLayer.of(settings);
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(RateLimitLayer.class)
  @ConditionalOnProperty(prefix = "atlas.rate-limit", name = "enabled", matchIfMissing = true)
  static class RateLimit {

    @Bean
    @ConditionalOnMissingBean
    RateLimitSettings atlasRateLimitSettings(AtlasProperties properties, ObjectProvider<RateLimitStore> sharedStore) {
      AtlasProperties.RateLimit limit = properties.rateLimit();
      RateLimitSettings.Builder settings = RateLimitSettings.builder().defaultLimit(limit.permits(), limit.period())
          .maxWait(limit.maxWait()).learnFromService(limit.learnFromService());
      sharedStore.ifAvailable(settings::sharedThrough);
      return settings.build();
    }

    @Bean
    @ConditionalOnMissingBean
    RateLimitLayer atlasRateLimitLayer(RateLimitSettings settings, AtlasProperties properties,
        ApplicationContext context) {
      String url = properties.rateLimit().sharedLimitsUrl();
      if (url != null && !url.isBlank() && !ClassUtils.isPresent(SHARED_LIMITS_CLASS, context.getClassLoader())) {
        throw new IllegalStateException("atlas.rate-limit.shared-limits-url is set, but atlas-ratelimit-redis is not "
            + "on the classpath; add it, or remove the property");
      }
      return RateLimitLayer.of(settings);
    }

    /**
     * Limits shared by every instance of the application through Redis, when
     * {@code atlas.rate-limit.shared-limits-url} is set and {@code atlas-ratelimit-redis} is present.
     * Connecting never fails start-up because Redis is unreachable: the store falls back to local
     * limits until Redis answers (a malformed URL does fail, without repeating it).
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = SHARED_LIMITS_CLASS)
    @Conditional(SharedLimits.UrlSet.class)
    static class SharedLimits {

      /** Set and not blank: {@code shared-limits-url=${REDIS_URL:}} with no variable keeps limits local. */
      static final class UrlSet implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
          return StringUtils.hasText(context.getEnvironment().getProperty("atlas.rate-limit.shared-limits-url"));
        }
      }

      @Bean(destroyMethod = "close")
      @ConditionalOnMissingBean(RateLimitStore.class)
      RedisSharedLimits atlasSharedLimits(AtlasProperties properties) {
        return RedisSharedLimits.connect(properties.rateLimit().sharedLimitsUrl());
      }
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass({AtlasMetrics.class, MeterRegistry.class})
  @ConditionalOnBean(MeterRegistry.class)
  @ConditionalOnProperty(prefix = "atlas.metrics", name = "enabled", matchIfMissing = true)
  static class Metrics {

    @Bean
    @ConditionalOnMissingBean
    AtlasMetrics atlasMetrics(MeterRegistry registry) {
      return AtlasMetrics.of(registry);
    }

    @Bean
    @ConditionalOnMissingBean(name = "atlasMetricsCallLayer")
    ClientLayer atlasMetricsCallLayer(AtlasMetrics metrics) {
      return metrics.callLayer();
    }

    @Bean
    @ConditionalOnMissingBean(name = "atlasMetricsExchangeLayer")
    ClientLayer atlasMetricsExchangeLayer(AtlasMetrics metrics) {
      return metrics.exchangeLayer();
    }

    @Bean
    ClientEventListener atlasMetricsEventListener(AtlasMetrics metrics) {
      return metrics.eventListener();
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass({AtlasObservations.class, ObservationRegistry.class})
  @ConditionalOnBean(ObservationRegistry.class)
  @ConditionalOnProperty(prefix = "atlas.observation", name = "enabled", matchIfMissing = true)
  static class Observations {

    @Bean
    @ConditionalOnMissingBean
    AtlasObservations atlasObservations(ObservationRegistry registry) {
      return AtlasObservations.of(registry);
    }

    @Bean
    @ConditionalOnMissingBean(name = "atlasObservationCallLayer")
    ClientLayer atlasObservationCallLayer(AtlasObservations observations) {
      return observations.callLayer();
    }

    @Bean
    @ConditionalOnMissingBean(name = "atlasObservationExchangeLayer")
    ClientLayer atlasObservationExchangeLayer(AtlasObservations observations) {
      return observations.exchangeLayer();
    }
  }
}
