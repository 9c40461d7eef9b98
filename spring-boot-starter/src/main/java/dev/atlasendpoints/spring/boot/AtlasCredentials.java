package dev.atlasendpoints.spring.boot;

import dev.atlasendpoints.core.AtlasClient;
import java.util.ArrayList;
import java.util.List;

/** Applies the one kind of credentials the properties hold to a client builder, or says what is missing. */
final class AtlasCredentials {

  static final String PUBLIC_KEY = "atlas.api-key.public-key";
  static final String PRIVATE_KEY = "atlas.api-key.private-key";
  static final String CLIENT_ID = "atlas.service-account.client-id";
  static final String CLIENT_SECRET = "atlas.service-account.client-secret";

  private AtlasCredentials() {}

  static AtlasClient.Builder apply(AtlasProperties properties, AtlasClient.Builder builder) {
    AtlasProperties.ApiKey key = properties.apiKey();
    AtlasProperties.ServiceAccount account = properties.serviceAccount();
    boolean anyKey = key != null && (hasText(key.publicKey()) || hasText(key.privateKey()));
    boolean anyAccount = account != null && (hasText(account.clientId()) || hasText(account.clientSecret()));
    if (anyKey && anyAccount) {
      throw new AtlasCredentialsException("set an API key or a service account, not both",
          List.of("atlas.api-key.*", "atlas.service-account.*"));
    }
    if (anyKey) {
      requireAll(PUBLIC_KEY, key.publicKey(), PRIVATE_KEY, key.privateKey());
      return builder.apiKey(key.publicKey(), key.privateKey());
    }
    if (anyAccount) {
      requireAll(CLIENT_ID, account.clientId(), CLIENT_SECRET, account.clientSecret());
      return builder.serviceAccount(account.clientId(), account.clientSecret());
    }
    throw new AtlasCredentialsException("no Atlas credentials are configured; set either",
        List.of(PUBLIC_KEY + " and " + PRIVATE_KEY, "or " + CLIENT_ID + " and " + CLIENT_SECRET));
  }

  private static void requireAll(String firstName, String first, String secondName, String second) {
    List<String> missing = new ArrayList<>();
    if (!hasText(first)) {
      missing.add(firstName);
    }
    if (!hasText(second)) {
      missing.add(secondName);
    }
    if (!missing.isEmpty()) {
      throw new AtlasCredentialsException("incomplete Atlas credentials; also set", missing);
    }
  }

  private static boolean hasText(String value) {
    return value != null && !value.isBlank();
  }
}
