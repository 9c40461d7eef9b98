package dev.atlasendpoints.provisioning;

import java.time.Duration;

/**
 * A waiter saw a resource's status change: from {@code previous} (null on the first reading) to
 * {@code status}, {@code elapsed} after the wait started.
 */
public record StateChange(ResourceRef resource, String previous, String status, Duration elapsed) {}
