import { createApp } from "./app";
import type { Env } from "./env";

import { consumeJobMessages } from "./jobs/queue-consumer";

export { JobObject } from "./jobs/job-object";
export { MediaContainer } from "./media/media-container";
export { UploadObject } from "./uploads/upload-object";

const app = createApp();

export default {
  fetch: app.fetch,
  queue: (batch: MessageBatch<unknown>, env: Env, _ctx: ExecutionContext) => consumeJobMessages(batch, env),
} satisfies ExportedHandler<Env>;
