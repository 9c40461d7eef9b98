package dev.atlasendpoints.provisioning;

/** Where a status sits in the contract's table: usable, failed for good, or still moving. */
enum Phase {
  DONE,
  FAILED,
  MOVING
}
