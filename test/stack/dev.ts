import { startLocalStack } from "./local-stack";

// `npm run dev`: the Worker on 127.0.0.1:8787 plus the media service; Ctrl-C stops both.
const port = Number(process.env.DEV_PORT ?? 8787);
// MEDIA_PORT=8790,8791: one media service per port, one per media instance (MEDIA_CONTAINER_INSTANCES must match).
const mediaPorts = (process.env.MEDIA_PORT ?? "8790").split(",").map(Number);

try {
  const stack = await startLocalStack({ port, mediaPorts, inheritOutput: true });
  const media = stack.mediaUrls.join(", ");
  console.log(`\nAPI ready at ${stack.apiUrl} (docs: ${stack.apiUrl}/docs), media service at ${media}\n`);
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    await stack.stop();
    process.exit(0);
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
