package dev.atlasendpoints.simulator;

/** How strictly the simulator checks the nonce count ({@code nc}) of digest requests. */
public enum NonceCountPolicy {
  /** Each nonce count may be used once per nonce, in any order: replays are rejected. */
  UNIQUE,
  /** Each nonce count must exceed every earlier one of the same nonce, as some servers demand. */
  STRICTLY_INCREASING
}
