// The Worker the worker tests run (test/vitest.config.ts): the real one, whose job objects look a job's type up
// in the tests' scripted types first and can be made to fail forwarding their events, and whose invocations can be
// held to a simulated wall-time limit and the scheduler to a test's number of slots (engine-limits.ts). Production
// code knows nothing of this.

import type { Env } from "../../worker/env";
import type { ProjectEventInput } from "../../worker/events/event-types";
import worker from "../../worker/index";
import type { StartOutcome } from "../../worker/jobs/job";
import { JobObject as WorkerJobObject } from "../../worker/jobs/job-object";
import { JobScheduler as WorkerJobScheduler } from "../../worker/jobs/job-scheduler";
import type { JobTypeDefinition } from "../../worker/jobs/job-type";
import { engineLimits, underWallLimit } from "./engine-limits";
import { forwardOrFail } from "./held-event-forwards";
import { lookupJobType } from "./scripted-job-types";

export * from "../../worker/index";

export default {
  ...worker,
  queue: (batch: MessageBatch<unknown>, env: Env, ctx: ExecutionContext) =>
    underWallLimit(`queue ${batch.queue}`, () => worker.queue(batch, env, ctx)),
} satisfies ExportedHandler<Env>;

export class JobObject extends WorkerJobObject {
  protected override jobType(name: string): JobTypeDefinition | undefined {
    return lookupJobType(name, (real) => super.jobType(real));
  }

  protected override forwardEvents(events: ProjectEventInput[]): Promise<void> {
    return forwardOrFail(events, (forwarded) => super.forwardEvents(forwarded));
  }

  override start(instance: number): Promise<StartOutcome> {
    return underWallLimit(
      "job start",
      () => super.start(instance),
      (reason) => this.ctx.abort(reason),
    );
  }

  override alarm(): Promise<void> {
    return underWallLimit(
      "job alarm",
      () => super.alarm(),
      (reason) => this.ctx.abort(reason),
    );
  }
}

export class JobScheduler extends WorkerJobScheduler {
  protected override slotLimit(): number {
    return engineLimits.slots ?? super.slotLimit();
  }
}
