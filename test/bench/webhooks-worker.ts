// The Worker `npm run bench:webhooks` runs: the real API, outbox and project objects, plus a route that makes one
// recorded change (a D1 outbox row, published as a request would) and one that runs a project's alarm early, as
// the tests do with runDurableObjectAlarm. Bench-only; production never loads it.
import { createDb } from "../../worker/db/client";
import type { Env } from "../../worker/env";
import { EventOutbox } from "../../worker/events/outbox";
import { ProjectEventsObject as WorkerProjectEventsObject } from "../../worker/events/project-events-object";
import worker from "../../worker/index";
import { Logger } from "../../worker/logger";

export * from "../../worker/index";

/** The real project object, whose alarm the benchmark can run before its time. */
export class ProjectEventsObject extends WorkerProjectEventsObject {
  /**
   * Runs the alarm as if time had reached the latest retry now pending (so every pending delivery is due, and
   * retries that come due meanwhile go too); returns how many deliveries are still pending.
   */
  async advanceAlarm(): Promise<number> {
    const { due } = this.ctx.storage.sql
      .exec<{ due: number | null }>("SELECT MAX(next_attempt_at) AS due FROM deliveries WHERE status = 'pending'")
      .one();
    if (due !== null) {
      this.ctx.storage.sql.exec("INSERT OR REPLACE INTO schedule (key, at) VALUES ('alarm', ?)", due);
      await this.dispatcher.onAlarm();
    }
    return this.ctx.storage.sql
      .exec<{ n: number }>("SELECT COUNT(*) AS n FROM deliveries WHERE status = 'pending'")
      .one().n;
  }
}

export default {
  async fetch(request, env, ctx) {
    const url = new URL(request.url);
    const projectId = url.searchParams.get("project_id") ?? "";
    if (request.method === "POST" && url.pathname === "/__bench/change") {
      // One change as a D1 route makes it: its event recorded in the batch, then published to the project's log.
      const outbox = new EventOutbox(createDb(env.DB), env.PROJECT_EVENTS, new Logger("ERROR"));
      const data = { project_id: projectId, seq: Number(url.searchParams.get("seq")), status: "ready" };
      await createDb(env.DB).batch([outbox.record(projectId, "asset.ready", data)]);
      await outbox.publish(projectId);
      return new Response(null, { status: 204 });
    }
    if (request.method === "POST" && url.pathname === "/__bench/advance") {
      const namespace = env.PROJECT_EVENTS as unknown as DurableObjectNamespace<ProjectEventsObject>;
      const pending = await namespace.get(namespace.idFromName(projectId)).advanceAlarm();
      return Response.json({ pending });
    }
    return worker.fetch(request, env, ctx);
  },
  queue: worker.queue,
  scheduled: worker.scheduled,
} satisfies ExportedHandler<Env>;
