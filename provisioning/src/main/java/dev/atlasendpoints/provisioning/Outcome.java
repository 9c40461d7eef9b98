package dev.atlasendpoints.provisioning;

/** What an ensure did: created the resource, or found it there already and adopted it. */
public enum Outcome {
  CREATED,
  ADOPTED
}
