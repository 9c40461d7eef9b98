package dev.atlasendpoints.simulator.junit;

/**
 * How the injected client authenticates. The simulator accepts both kinds, with the credentials in
 * {@link AtlasSimulatorExtension}'s constants.
 */
public enum SimulatorAuth {

  /** HTTP Digest with {@link AtlasSimulatorExtension#PUBLIC_KEY} and {@link AtlasSimulatorExtension#PRIVATE_KEY}. */
  API_KEY,

  /**
   * Bearer tokens from the service account {@link AtlasSimulatorExtension#CLIENT_ID} and
   * {@link AtlasSimulatorExtension#CLIENT_SECRET}.
   */
  SERVICE_ACCOUNT
}
