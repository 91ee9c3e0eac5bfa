import type { ProjectEventInput } from "../../worker/events/event-types";

/**
 * Projects whose job objects fail to forward their events to the project's log, as if the object crashed right
 * after committing a state change. The test Worker (test-main.ts) consults it; tests set and clear it.
 */
export const projectsFailingForwards = new Set<string>();

export function forwardOrFail(events: ProjectEventInput[], forward: (events: ProjectEventInput[]) => Promise<void>) {
  const projectId = events[0]?.data.project_id;
  if (typeof projectId === "string" && projectsFailingForwards.has(projectId)) {
    return Promise.reject(new Error("forward failed on purpose (a crash right after the state change)"));
  }
  return forward(events);
}
