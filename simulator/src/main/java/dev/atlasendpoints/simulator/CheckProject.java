package dev.atlasendpoints.simulator;

import java.util.function.Predicate;

/**
 * The project must exist (404 {@code GROUP_NOT_FOUND}) and the caller may act on it (403, or 401
 * as Atlas answers a valid token without rights on the project).
 */
record CheckProject(Predicate<String> projectExists, int accessDeniedStatus) implements Step {

  @Override
  public StepResult apply(RequestContext context) {
    String projectId = context.projectId();
    if (!projectExists.test(projectId)) {
      return context.respond(SimulatorResponse.error(404, "GROUP_NOT_FOUND", "Not Found",
          "No group with ID " + projectId + " exists.", projectId));
    }
    if (!context.caller().mayAccess(projectId)) {
      return context.respond(accessDeniedStatus == 401
          ? SimulatorResponse.error(401, "UNAUTHORIZED", "Unauthorized",
              "Current user is not authorized to perform this action on group " + projectId + ".")
          : SimulatorResponse.error(403, "USER_CANNOT_ACCESS_GROUP", "Forbidden",
              "The caller may not act on group " + projectId + "."));
    }
    return context.next();
  }
}
