// The Worker `npm run bench:events` runs: the real API, queue consumer and Durable Objects, plus two scripted
// job types so the benchmark can drive a job's progress from outside. Bench-only; production never loads it.
import { z } from "zod";
import { createDb } from "../../worker/db/client";
import { assets } from "../../worker/db/schema/assets";
import type { Env } from "../../worker/env";
import worker from "../../worker/index";
import { JobObject as WorkerJobObject } from "../../worker/jobs/job-object";
import { defineJobType, type JobTypeDefinition } from "../../worker/jobs/job-type";
import { ingestJob } from "../../worker/jobs/types/ingest";
import { transcriptionJob } from "../../worker/jobs/types/transcription";

export * from "../../worker/index";

/** Progress updates per benchmark job, and the pause between them. */
const STEPS = 100;
const STEP_MS = 20;
// A job starts reporting once the benchmark has connected every subscriber and written this marker.
// R2, not memory: wrangler dev may run the job objects in another isolate than the fetch handler.
const goKey = (jobId: string) => `__bench/go/${jobId}`;

const benchIngest = defineJobType({
  ...ingestJob,
  resultSchema: z.object({ steps: z.number() }),
  async run(ctx) {
    while (!(await ctx.services.bucket.head(goKey(ctx.job.id)))) {
      ctx.checkpoint();
      await scheduler.wait(10);
    }
    for (let step = 1; step <= STEPS; step++) {
      await scheduler.wait(STEP_MS);
      await ctx.progress(step);
    }
    return { steps: STEPS };
  },
});

// The throughput figure measures the engine alone.
const benchTranscription = defineJobType({ ...transcriptionJob, resultSchema: z.object({}), run: async () => ({}) });

const BENCH_TYPES = new Map<string, JobTypeDefinition>([
  [benchIngest.type, benchIngest],
  [benchTranscription.type, benchTranscription],
]);

/** The real job object, running the scripted types above instead of the real ingest and transcription. */
export class JobObject extends WorkerJobObject {
  protected override jobType(name: string): JobTypeDefinition | undefined {
    return BENCH_TYPES.get(name) ?? super.jobType(name);
  }
}

export default {
  async fetch(request, env, ctx) {
    const url = new URL(request.url);
    if (request.method === "POST" && url.pathname === "/__bench/asset") {
      const projectId = url.searchParams.get("project_id") ?? "";
      const id = crypto.randomUUID();
      const now = new Date().toISOString();
      await createDb(env.DB)
        .insert(assets)
        .values({
          id,
          projectId,
          category: "video",
          status: "ready",
          r2Key: `${projectId}/uploads/${id}.mp4`,
          filename: `${id}.mp4`,
          originalFilename: "bench.mp4",
          contentType: "video/mp4",
          sizeBytes: 0,
          checksum: "0".repeat(64),
          createdAt: now,
          updatedAt: now,
        });
      return Response.json({ asset_id: id });
    }
    const go = /^\/__bench\/go\/([^/]+)$/.exec(url.pathname);
    if (request.method === "POST" && go?.[1]) {
      await env.BUCKET.put(goKey(go[1]), "go");
      return new Response(null, { status: 204 });
    }
    return worker.fetch(request, env, ctx);
  },
  queue: worker.queue,
} satisfies ExportedHandler<Env>;
