package dev.atlasendpoints.spring.boot;

import dev.atlasendpoints.core.AtlasClient;
import dev.atlasendpoints.core.ClientEventListener;
import dev.atlasendpoints.core.ClientLayer;
import dev.atlasendpoints.core.HttpSettings;
import dev.atlasendpoints.generated.api.PrivateEndpointServicesApi;
import dev.atlasendpoints.generated.api.ServerlessPrivateEndpointsApi;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The Atlas client from {@code atlas.*} properties ({@link AtlasProperties}), with every
 * {@link ClientLayer} and {@link ClientEventListener} bean of the context: those the layer modules
 * on the classpath bring ({@link AtlasLayersConfiguration}) and the application's own. Each
 * generated API interface is a bean too. The client is closed with the context.
 *
 * <p>Runs after Boot's metrics and observation auto-configurations (of Boot 4 and of Boot 3), so
 * that their registries exist when the layers look for them.
 */
@AutoConfiguration(afterName = {
    "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
    "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
    "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
    "org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration"})
@ConditionalOnClass(AtlasClient.class)
@EnableConfigurationProperties(AtlasProperties.class)
@Import({AtlasLayersConfiguration.Retry.class, AtlasLayersConfiguration.RateLimit.class,
    AtlasLayersConfiguration.Metrics.class, AtlasLayersConfiguration.Observations.class,
    AtlasSecretsSanitizing.class})
public class AtlasAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  HttpSettings atlasHttpSettings(AtlasProperties properties) {
    AtlasProperties.Http http = properties.http();
    return HttpSettings.builder().connectTimeout(http.connectTimeout()).readTimeout(http.readTimeout())
        .maxResponseBytes(http.maxResponseSize().toBytes()).allowInsecureHttp(http.allowInsecureHttp())
        .userAgentSuffix(http.userAgentSuffix()).build();
  }

  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  AtlasClient atlasClient(AtlasProperties properties, HttpSettings httpSettings, ObjectProvider<ClientLayer> layers,
      ObjectProvider<ClientEventListener> listeners) {
    AtlasClient.Builder builder = AtlasCredentials.apply(properties, AtlasClient.builder())
        .baseUrl(properties.baseUrl()).httpSettings(httpSettings);
    layers.orderedStream().forEach(builder::layer);
    listeners.orderedStream().forEach(builder::listener);
    return builder.build();
  }

  @Bean
  @ConditionalOnMissingBean
  PrivateEndpointServicesApi privateEndpointServicesApi(AtlasClient atlas) {
    return atlas.api(PrivateEndpointServicesApi.class);
  }

  @Bean
  @ConditionalOnMissingBean
  ServerlessPrivateEndpointsApi serverlessPrivateEndpointsApi(AtlasClient atlas) {
    return atlas.api(ServerlessPrivateEndpointsApi.class);
  }
}
