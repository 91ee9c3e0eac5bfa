import { afterEach, describe, expect, it } from "vitest";
import { type WebhookRequest, webhookDeliveryOptions } from "../../../worker/events/webhook-sender";
import { sendInOrder } from "../../../worker/events/webhook-sender-object";
import { receiver } from "./webhook-kit";

afterEach(() => {
  webhookDeliveryOptions.timeoutMs = 15_000;
});

/** A batch whose first `hanging` requests go to a receiver that never answers, the rest to one that answers 200. */
async function batch(count: number, hanging: number) {
  const stuck = receiver();
  const fine = receiver();
  await stuck.configure({ script: Array.from({ length: hanging }, () => ({ hang: true as const })) });
  const requests: WebhookRequest[] = Array.from({ length: count }, (_, i) => ({
    url: i < hanging ? stuck.url : fine.url,
    id: `msg_window_${i}`,
    timestampSeconds: Math.floor(Date.now() / 1000),
    signature: "v1,unchecked",
    body: JSON.stringify({ type: "asset.deleted", timestamp: new Date().toISOString(), data: { n: i } }),
    userAgent: "sender-window-test",
  }));
  return { requests, stuck, fine };
}

const ids = async (target: ReturnType<typeof receiver>) => (await target.received()).map((hook) => hook.id).sort();

describe("a sender's window of requests in flight (WEBHOOK_MAX_IN_FLIGHT)", () => {
  it("one at a time (the default): a request that hangs holds back the rest, and its failure stops the batch", async () => {
    webhookDeliveryOptions.timeoutMs = 500;
    const { requests, stuck, fine } = await batch(4, 1);
    const sent = await sendInOrder(requests, Date.now(), 1);
    expect(sent.map((attempt) => attempt.statusCode)).toEqual([null]);
    expect(await ids(stuck)).toEqual(["msg_window_0"]);
    expect(await fine.received()).toEqual([]);
  });

  it("a window of three: the rest go past a hanging request, and every outcome comes back in batch order", async () => {
    webhookDeliveryOptions.timeoutMs = 1_500;
    const { requests, fine } = await batch(6, 1);
    const started = Date.now();
    const sent = await sendInOrder(requests, Date.now(), 3);
    expect(sent.map((attempt) => attempt.statusCode)).toEqual([null, 200, 200, 200, 200, 200]);
    // Started in batch order.
    expect(sent.every((attempt, i) => attempt.at >= (sent[i - 1]?.at ?? 0))).toBe(true);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(await ids(fine)).toEqual([1, 2, 3, 4, 5].map((i) => `msg_window_${i}`));
  });

  it("a window never has more requests out than it allows, and starts none after a failure", async () => {
    webhookDeliveryOptions.timeoutMs = 500;
    const { requests, stuck, fine } = await batch(6, 2);
    const sent = await sendInOrder(requests, Date.now(), 2);
    // Both hung at once and timed out (failures), so nothing after them was started.
    expect(sent.map((attempt) => attempt.statusCode)).toEqual([null, null]);
    expect(await ids(stuck)).toEqual(["msg_window_0", "msg_window_1"]);
    expect(await fine.received()).toEqual([]);
  });

  it("one at a time: the next request starts once the previous status is in, while its body is still coming", async () => {
    const { requests, fine } = await batch(3, 0);
    await fine.configure({ script: [{ status: 200, body: "slow body", bodyDelayMs: 1_500 }] });
    const sent = await sendInOrder(requests, Date.now(), 1);
    const received = await fine.received();
    expect(received.map((hook) => hook.id)).toEqual(["msg_window_0", "msg_window_1", "msg_window_2"]);
    // All three were answered before the first body had ended.
    expect((received[2]?.receivedAt ?? 0) - (received[0]?.receivedAt ?? 0)).toBeLessThan(1_000);
    // The log still gets every body, the slow one included.
    expect(sent.map((attempt) => [attempt.statusCode, attempt.responseBody])).toEqual([
      [200, "slow body"],
      [200, "ok"],
      [200, "ok"],
    ]);
  });

  it("one at a time: a failure whose body is slow still stops the batch", async () => {
    const { requests, fine } = await batch(3, 0);
    await fine.configure({ script: [{ status: 500, body: "broken", bodyDelayMs: 500 }] });
    const sent = await sendInOrder(requests, Date.now(), 1);
    expect(sent.map((attempt) => [attempt.statusCode, attempt.responseBody])).toEqual([[500, "broken"]]);
    expect(await ids(fine)).toEqual(["msg_window_0"]);
  });
});
