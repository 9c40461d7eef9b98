package dev.atlasendpoints.simulator;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Everything an {@link AtlasSimulator} was built with. */
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
    Set<String> projects,
    Map<String, String> serverlessProviders,
    long seed,
    boolean sunsetEnforced,
    Clock clock,
    int threads,
    int maxBodyBytes) {

  SimulatorSettings {
    digestAlgorithms = List.copyOf(digestAlgorithms);
    apiKeys = List.copyOf(apiKeys);
    serviceAccounts = List.copyOf(serviceAccounts);
    projects = Set.copyOf(projects);
    serverlessProviders = Map.copyOf(serverlessProviders);
  }

  /** Declared projects exist; with none declared, every well-formed project id does. */
  boolean projectExists(String projectId) {
    return projects.isEmpty() || projects.contains(projectId);
  }
}
