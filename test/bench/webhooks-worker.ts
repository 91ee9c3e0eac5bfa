// The Worker `npm run bench:webhooks` runs: the real API, outbox and project objects, plus a route that makes one
// recorded change (a D1 outbox row, published as a request would) and one that runs a project's alarm early, as
// the tests do with runDurableObjectAlarm, and `--floor`'s probe (a sender object's bare round trips). Bench-only;
// production never loads it.
import { createDb } from "../../worker/db/client";
import type { Env } from "../../worker/env";
import { EventOutbox } from "../../worker/events/outbox";
import { ProjectEventsObject as WorkerProjectEventsObject } from "../../worker/events/project-events-object";
import { WebhookSenderObject as WorkerWebhookSenderObject } from "../../worker/events/webhook-sender-object";
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

/**
 * The real sender object, which `--floor` also uses as a bare prober: the same kind of object the deliveries go
 * from, making plain requests with no signing, logging or recording (see webhooks-floor.ts).
 */
export class WebhookSenderObject extends WorkerWebhookSenderObject {
  /**
   * For `ms` milliseconds, `lanes` loops of one request after another: a POST to `url` (or, with no url, an RPC
   * to another sender object); returns each round trip in ms as this object sees it. workerd's clock moves only
   * on I/O, so a round trip here is the time from one answer's delivery to this object until the next one's.
   */
  async probe(url: string | null, ms: number, lanes: number): Promise<number[]> {
    const senders = this.env.WEBHOOK_SENDERS as unknown as DurableObjectNamespace<WebhookSenderObject>;
    const peer = senders.get(senders.idFromName("floor-peer"));
    const trips: number[] = [];
    const end = Date.now() + ms;
    await Promise.all(
      Array.from({ length: lanes }, async () => {
        while (Date.now() < end) {
          const start = Date.now();
          if (url === null) await peer.ping();
          else await (await fetch(url, { method: "POST", body: '{"type":"floor"}' })).arrayBuffer();
          trips.push(Date.now() - start);
        }
      }),
    );
    return trips;
  }

  ping(): number {
    return Date.now();
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
    if (request.method === "POST" && url.pathname === "/__bench/probe") {
      const senders = env.WEBHOOK_SENDERS as unknown as DurableObjectNamespace<WebhookSenderObject>;
      const prober = senders.get(senders.idFromName("floor-prober"));
      const trips = await prober.probe(
        url.searchParams.get("url"),
        Number(url.searchParams.get("ms")),
        Number(url.searchParams.get("lanes") ?? 1),
      );
      return Response.json({ trips });
    }
    return worker.fetch(request, env, ctx);
  },
  queue: worker.queue,
  scheduled: worker.scheduled,
} satisfies ExportedHandler<Env>;
