package dev.atlasendpoints.simulator;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything an {@link AtlasSimulator} is built with; {@link AtlasSimulator.Builder} documents each
 * setting. Immutable, and validated when built.
 */
record SimulatorSettings(
    int port,
    String realm,
    List<DigestAlgorithm> digestAlgorithms,
    Duration nonceLifetime,
    NonceCountPolicy nonceCountPolicy,
    List<ApiKey> apiKeys,
    List<ServiceAccount> serviceAccounts,
    Duration tokenLifetime,
    int maxActiveTokens,
    RateLimit tokenRequestLimit,
    RateLimit rateLimit,
    boolean rateLimitHeaders,
    boolean bareRateLimitAnswers,
    boolean rateLimitV1,
    Set<String> projects,
    Map<String, String> serverlessProviders,
    long seed,
    boolean sunsetEnforced,
    int accessDeniedStatus,
    Clock clock,
    int threads,
    int maxBodyBytes,
    Lifecycle lifecycle) {

  SimulatorSettings {
    if (port < 0 || port > 0xFFFF) {
      throw new IllegalArgumentException("port must be within [0, 65535]: " + port);
    }
    Objects.requireNonNull(realm, "realm");
    digestAlgorithms = requireSomeAlgorithm(digestAlgorithms);
    Objects.requireNonNull(nonceLifetime, "nonceLifetime");
    Objects.requireNonNull(nonceCountPolicy, "nonceCountPolicy");
    apiKeys = List.copyOf(apiKeys);
    serviceAccounts = List.copyOf(serviceAccounts);
    Objects.requireNonNull(tokenLifetime, "tokenLifetime");
    Objects.requireNonNull(tokenRequestLimit, "tokenRequestLimit");
    Objects.requireNonNull(rateLimit, "rateLimit");
    projects = Set.copyOf(projects);
    serverlessProviders = Map.copyOf(serverlessProviders);
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(lifecycle, "lifecycle");
    if (accessDeniedStatus != 401 && accessDeniedStatus != 403) {
      throw new IllegalArgumentException("accessDeniedStatus must be 401 or 403: " + accessDeniedStatus);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1: " + threads);
    }
  }

  /** The live service's settings, with no keys, accounts or projects declared. */
  static SimulatorSettings defaults() {
    return builder().build();
  }

  static Builder builder() {
    return new Builder();
  }

  Builder toBuilder() {
    return new Builder(this);
  }

  /** Declared projects exist; with none declared, every well-formed project id does. */
  boolean projectExists(String projectId) {
    return projects.isEmpty() || projects.contains(projectId);
  }

  private static List<DigestAlgorithm> requireSomeAlgorithm(List<DigestAlgorithm> algorithms) {
    if (algorithms.isEmpty()) {
      throw new IllegalArgumentException("offer at least one digest algorithm");
    }
    return List.copyOf(algorithms);
  }

  /** Starts from the live service's defaults. */
  static final class Builder {
    private int port;
    private String realm = AtlasSimulator.ATLAS_REALM;
    private List<DigestAlgorithm> digestAlgorithms = List.of(DigestAlgorithm.MD5);
    private Duration nonceLifetime = Duration.ofMinutes(5);
    private NonceCountPolicy nonceCountPolicy = NonceCountPolicy.UNIQUE;
    private final List<ApiKey> apiKeys = new ArrayList<>();
    private final List<ServiceAccount> serviceAccounts = new ArrayList<>();
    private Duration tokenLifetime = Duration.ofHours(1);
    private int maxActiveTokens = 100;
    private RateLimit tokenRequestLimit = new RateLimit(30, 30, 60);
    private RateLimit rateLimit = RateLimit.atlasDefault();
    private boolean rateLimitHeaders = true;
    private boolean bareRateLimitAnswers;
    private boolean rateLimitV1;
    private final Set<String> projects = new LinkedHashSet<>();
    private final Map<String, String> serverlessProviders = new LinkedHashMap<>();
    private long seed = 42;
    private boolean sunsetEnforced;
    private int accessDeniedStatus = 403;
    private Clock clock = Clock.systemUTC();
    private int threads = 64;
    private int maxBodyBytes = 1 << 20;
    private Lifecycle lifecycle = Lifecycle.defaults();

    private Builder() {}

    private Builder(SimulatorSettings settings) {
      port = settings.port;
      realm = settings.realm;
      digestAlgorithms = settings.digestAlgorithms;
      nonceLifetime = settings.nonceLifetime;
      nonceCountPolicy = settings.nonceCountPolicy;
      apiKeys.addAll(settings.apiKeys);
      serviceAccounts.addAll(settings.serviceAccounts);
      tokenLifetime = settings.tokenLifetime;
      maxActiveTokens = settings.maxActiveTokens;
      tokenRequestLimit = settings.tokenRequestLimit;
      rateLimit = settings.rateLimit;
      rateLimitHeaders = settings.rateLimitHeaders;
      bareRateLimitAnswers = settings.bareRateLimitAnswers;
      rateLimitV1 = settings.rateLimitV1;
      projects.addAll(settings.projects);
      serverlessProviders.putAll(settings.serverlessProviders);
      seed = settings.seed;
      sunsetEnforced = settings.sunsetEnforced;
      accessDeniedStatus = settings.accessDeniedStatus;
      clock = settings.clock;
      threads = settings.threads;
      maxBodyBytes = settings.maxBodyBytes;
      lifecycle = settings.lifecycle;
    }

    Builder port(int port) {
      this.port = port;
      return this;
    }

    Builder realm(String realm) {
      this.realm = realm;
      return this;
    }

    /** Rejects an empty list at once, so the mistake is reported where it is made. */
    Builder digestAlgorithms(List<DigestAlgorithm> algorithms) {
      this.digestAlgorithms = requireSomeAlgorithm(algorithms);
      return this;
    }

    Builder nonceLifetime(Duration lifetime) {
      this.nonceLifetime = lifetime;
      return this;
    }

    Builder nonceCountPolicy(NonceCountPolicy policy) {
      this.nonceCountPolicy = policy;
      return this;
    }

    Builder apiKey(ApiKey key) {
      apiKeys.add(key);
      return this;
    }

    Builder serviceAccount(ServiceAccount account) {
      serviceAccounts.add(account);
      return this;
    }

    Builder tokenLifetime(Duration lifetime) {
      this.tokenLifetime = lifetime;
      return this;
    }

    Builder maxActiveTokens(int max) {
      this.maxActiveTokens = max;
      return this;
    }

    Builder tokenRequestLimit(RateLimit limit) {
      this.tokenRequestLimit = limit;
      return this;
    }

    Builder rateLimit(RateLimit limit) {
      this.rateLimit = limit;
      return this;
    }

    Builder rateLimitHeaders(boolean send) {
      this.rateLimitHeaders = send;
      return this;
    }

    Builder bareRateLimitAnswers(boolean bare) {
      this.bareRateLimitAnswers = bare;
      return this;
    }

    Builder rateLimitV1(boolean limited) {
      this.rateLimitV1 = limited;
      return this;
    }

    Builder project(String projectId) {
      projects.add(projectId);
      return this;
    }

    Builder serverlessInstance(String name, String providerName) {
      serverlessProviders.put(name, providerName);
      return this;
    }

    Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    Builder sunsetEnforced(boolean enforced) {
      this.sunsetEnforced = enforced;
      return this;
    }

    Builder accessDeniedStatus(int status) {
      this.accessDeniedStatus = status;
      return this;
    }

    Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    Builder threads(int threads) {
      this.threads = threads;
      return this;
    }

    Builder maxBodyBytes(int max) {
      this.maxBodyBytes = max;
      return this;
    }

    Builder lifecycle(Lifecycle lifecycle) {
      this.lifecycle = lifecycle;
      return this;
    }

    SimulatorSettings build() {
      return new SimulatorSettings(port, realm, digestAlgorithms, nonceLifetime, nonceCountPolicy, apiKeys,
          serviceAccounts, tokenLifetime, maxActiveTokens, tokenRequestLimit, rateLimit, rateLimitHeaders,
          bareRateLimitAnswers, rateLimitV1, projects,
          serverlessProviders, seed, sunsetEnforced, accessDeniedStatus, clock, threads, maxBodyBytes, lifecycle);
    }
  }
}
