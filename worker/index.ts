import { createApp } from "./app";
import type { Env } from "./env";

export { MediaContainer } from "./media/media-container";

const app = createApp();

export default {
  fetch: app.fetch,
} satisfies ExportedHandler<Env>;
