// The Worker the worker tests run (test/vitest.config.ts): the real one, whose job objects look a job's type up
// in the tests' scripted types first and can be made to fail forwarding their events. Production code knows
// nothing of this.
import type { ProjectEventInput } from "../../worker/events/event-types";
import { JobObject as WorkerJobObject } from "../../worker/jobs/job-object";
import type { JobTypeDefinition } from "../../worker/jobs/job-type";
import { forwardOrFail } from "./held-event-forwards";
import { lookupJobType } from "./scripted-job-types";

export * from "../../worker/index";
export { default } from "../../worker/index";

export class JobObject extends WorkerJobObject {
  protected override jobType(name: string): JobTypeDefinition | undefined {
    return lookupJobType(name, (real) => super.jobType(real));
  }

  protected override forwardEvents(events: ProjectEventInput[]): Promise<void> {
    return forwardOrFail(events, (forwarded) => super.forwardEvents(forwarded));
  }
}
