package dev.atlasendpoints.spring.boot;

import java.util.Locale;
import java.util.Set;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Masks the starter's secrets in the actuator's {@code configprops} and {@code env} endpoints.
 * Boot masks every value unless {@code management.endpoint.*.show-values} is {@code always} or
 * {@code when-authorized}; then it shows everything except what a {@link SanitizingFunction} bean
 * masks. The private key and the client secret are masked whole, the shared-limits URL down to
 * its user info. Keys are compared lower-case with separators dropped, so property names
 * ({@code atlas.api-key.private-key}), the configprops report's ({@code atlas.apiKey.privateKey})
 * and environment variables ({@code ATLAS_APIKEY_PRIVATEKEY}) all match.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = AtlasSecretsSanitizing.SANITIZING_FUNCTION_CLASS)
class AtlasSecretsSanitizing {

  static final String SANITIZING_FUNCTION_CLASS = "org.springframework.boot.actuate.endpoint.SanitizingFunction";

  private static final Set<String> SECRETS = Set.of("atlasapikeyprivatekey", "atlasserviceaccountclientsecret");
  private static final String URL_WITH_PASSWORD = "atlasratelimitsharedlimitsurl";

  @Bean
  SanitizingFunction atlasSecretsSanitizingFunction() {
    return AtlasSecretsSanitizing::sanitize;
  }

  static SanitizableData sanitize(SanitizableData data) {
    String key = normalized(data.getKey());
    if (SECRETS.contains(key)) {
      return data.withSanitizedValue();
    }
    if (key.equals(URL_WITH_PASSWORD) && data.getValue() != null) {
      return data.withValue(Masked.url(data.getValue().toString()));
    }
    return data;
  }

  private static String normalized(String key) {
    StringBuilder letters = new StringBuilder(key.length());
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c != '.' && c != '-' && c != '_') {
        letters.append(c);
      }
    }
    return letters.toString().toLowerCase(Locale.ROOT);
  }
}
