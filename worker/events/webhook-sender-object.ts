import { DurableObject } from "cloudflare:workers";
import { type Env, getSettings } from "../env";
import { isSuccess } from "./delivery-policy";
import { type AttemptOutcome, postWebhook, type WebhookRequest } from "./webhook-sender";

/**
 * How long after a batch was signed its later requests may still start: receivers refuse a webhook-timestamp
 * older than their tolerance (Standard Webhooks suggests 5 minutes), and the rest goes in a freshly signed batch.
 */
export const BATCH_FRESH_MS = 60_000;

/** One attempt as the sender made it: its outcome and when it started. */
export interface SentAttempt extends AttemptOutcome {
  at: number;
}

/**
 * One per webhook endpoint (named by the endpoint's id): sends the batches of signed deliveries the project's object
 * hands it, in the order given, with at most WEBHOOK_MAX_IN_FLIGHT requests out at once (1 by default: one after
 * another). It keeps nothing in storage on purpose: the project's object owns the delivery log and records the
 * outcomes, and an object that writes nothing never holds a request back for a storage commit (the project's
 * object, writing every incoming event, held each send for tens of milliseconds when it sent them itself). If this
 * object is reset mid-batch, the deliveries it had not reported are still pending in the project's log and go again
 * from there.
 */
export class WebhookSenderObject extends DurableObject<Env> {
  // Batches run one after another even if an earlier caller is gone, so the endpoint never has more requests out.
  private tail: Promise<unknown> = Promise.resolve();
  private readonly window = getSettings(this.env).WEBHOOK_MAX_IN_FLIGHT;

  /**
   * Starts the requests in order and starts no more after the first that fails (the project's object decides its
   * retry, or disables the endpoint on 410, before the rest go) or once the batch is no longer fresh. Returns the
   * attempts made, in order: a prefix of the batch (with a window, those already out when a failure came back).
   */
  async send(batch: WebhookRequest[], signedAt: number): Promise<SentAttempt[]> {
    const run = this.tail.then(() => sendInOrder(batch, signedAt, this.window));
    this.tail = run.catch(() => undefined);
    return run;
  }
}

/** The sending itself, with at most `window` requests out (exported for its tests). */
export async function sendInOrder(batch: WebhookRequest[], signedAt: number, window: number): Promise<SentAttempt[]> {
  const attempts: Promise<SentAttempt>[] = [];
  const out = new Set<Promise<unknown>>();
  let failed = false;
  for (const request of batch) {
    while (out.size >= window && !failed) await Promise.race(out);
    const at = Date.now();
    if (failed || at - signedAt > BATCH_FRESH_MS) break;
    const { answered, outcome } = postWebhook(request);
    // A request is out until its status arrives: its body (kept for the log) is read while the next one goes.
    const settled = answered.then((statusCode) => {
      if (!isSuccess(statusCode)) failed = true;
      out.delete(settled);
    });
    out.add(settled);
    attempts.push(outcome.then((result) => ({ ...result, at })));
  }
  return Promise.all(attempts);
}
