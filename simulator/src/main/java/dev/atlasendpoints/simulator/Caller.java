package dev.atlasendpoints.simulator;

import java.util.function.Predicate;

/** Who sent an authenticated request, and which projects it may act on. */
record Caller(String name, Predicate<String> projectAccess) {

  boolean mayAccess(String projectId) {
    return projectAccess.test(projectId);
  }
}
