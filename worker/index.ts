import { createApp } from "./app";
import type { Env } from "./env";
import { sweepEventOutbox } from "./events/outbox-sweep";
import { consumeJobMessages } from "./jobs/queue-consumer";

export { ProjectEventsObject } from "./events/project-events-object";
export { WebhookSenderObject } from "./events/webhook-sender-object";
export { JobObject } from "./jobs/job-object";
export { JobScheduler } from "./jobs/job-scheduler";
export { MediaContainer } from "./media/media-container";
export { UploadObject } from "./uploads/upload-object";

const app = createApp();

export default {
  fetch: app.fetch,
  queue: (batch: MessageBatch<unknown>, env: Env, _ctx: ExecutionContext) => consumeJobMessages(batch, env),
  scheduled: async (_controller: ScheduledController, env: Env, _ctx: ExecutionContext) => {
    await sweepEventOutbox(env);
  },
} satisfies ExportedHandler<Env>;
