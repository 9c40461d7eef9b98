package dev.atlasendpoints.spring.boot;

import java.util.Locale;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
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
 * and environment variables ({@code ATLAS_APIKEY_PRIVATEKEY}, with or without an application's
 * environment prefix) all match. Values are masked by what they are, too: wherever the bound private
 * key or client secret appears under another name (the SDK's own {@code ATLAS_PRIVATE_KEY} that
 * {@code ${...}} placeholders read, a JSON blob), it is masked, and any {@code redis://} or
 * {@code rediss://} value loses its user info.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = AtlasSecretsSanitizing.SANITIZING_FUNCTION_CLASS)
class AtlasSecretsSanitizing {

  static final String SANITIZING_FUNCTION_CLASS = "org.springframework.boot.actuate.endpoint.SanitizingFunction";

  private static final Set<String> SECRETS = Set.of("atlasapikeyprivatekey", "atlasserviceaccountclientsecret",
      "atlasprivatekey", "atlasclientsecret");
  private static final String URL_WITH_PASSWORD = "atlasratelimitsharedlimitsurl";

  @Bean
  SanitizingFunction atlasSecretsSanitizingFunction(ObjectProvider<AtlasProperties> properties) {
    return data -> sanitize(data, properties.getIfAvailable());
  }

  static SanitizableData sanitize(SanitizableData data, AtlasProperties bound) {
    String key = normalized(data.getKey());
    if (SECRETS.stream().anyMatch(key::endsWith)) {
      return data.withSanitizedValue();
    }
    if (data.getValue() == null) {
      return data;
    }
    String value = data.getValue().toString();
    if (bound != null && (holds(value, bound.apiKey() == null ? null : bound.apiKey().privateKey())
        || holds(value, bound.serviceAccount() == null ? null : bound.serviceAccount().clientSecret()))) {
      return data.withSanitizedValue();
    }
    if (key.endsWith(URL_WITH_PASSWORD) || value.startsWith("redis://") || value.startsWith("rediss://")) {
      return data.withValue(Masked.url(value));
    }
    return data;
  }

  private static boolean holds(String value, String secret) {
    return secret != null && !secret.isBlank() && value.contains(secret);
  }

  private static String normalized(String key) {
    StringBuilder letters = new StringBuilder(key.length());
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c != '.' && c != '-' && c != '_' && c != '[' && c != ']') {
        letters.append(c);
      }
    }
    return letters.toString().toLowerCase(Locale.ROOT);
  }
}
