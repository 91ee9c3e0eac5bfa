import { request } from "node:http";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { type FakeOpenAI, startFakeOpenAI } from "../fake-openai/server";

let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI();
});
afterAll(() => fake.stop());

// The media service's cancellation tests count on every recorded request ending as answered or 499,
// including one whose audio was still uploading when the service gave up.
it("records a request whose client leaves mid-body as 499, never answered", async () => {
  const url = new URL(`${fake.url}/audio/transcriptions`);
  const req = request(url, {
    method: "POST",
    headers: {
      authorization: "Bearer sk-test",
      "content-type": "multipart/form-data; boundary=x",
      "content-length": "1000000",
    },
  });
  req.on("error", () => {});
  req.write("--x\r\n");
  await vi.waitFor(() => expect(fake.control.requests("transcriptions")).toHaveLength(1));
  req.destroy();
  await vi.waitFor(() => expect(fake.control.requests("transcriptions")[0]?.status).toBe(499));
});
