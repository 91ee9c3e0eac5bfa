import { env } from "cloudflare:test";
import { exports } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { tokenSigningSecret } from "../../../worker/auth/auth-mode";
import { mintLearnerToken as signLearnerToken } from "../../../worker/auth/learner-token";
import { createDb } from "../../../worker/db/client";
import { assets } from "../../../worker/db/schema/assets";
import { parseSettings } from "../../../worker/env";
import { bearer, createProjectKey, errorCode } from "../helpers/project-key";
import { mediaFixture } from "../media/fixtures";
import { projectWithVideo } from "../quizzes/quiz-kit";
import { api, json, learnerQuiz, mintLearnerToken, startAttempt } from "./learner-kit";

/** A request with exactly these credentials (the kit's `api` adds the admin key). */
const raw = (path: string, init: RequestInit = {}, headers: Record<string, string> = {}) =>
  exports.default.fetch(
    new Request(`https://api.test${path}`, {
      ...init,
      headers: { "Content-Type": "application/json", ...init.headers, ...headers },
    }),
  );

let secret: string;
beforeAll(async () => {
  const value = await tokenSigningSecret(parseSettings(env));
  if (!value) throw new Error("tests run with ADMIN_API_KEY, so a signing secret must exist");
  secret = value;
});

/** Two published quizzes on two videos of one project, an attempt on the first, and keys. */
async function setup() {
  const a = await learnerQuiz();
  const b = await learnerQuiz({ projectId: a.projectId });
  const token = await mintLearnerToken(a.base, "learner-1");
  const started = await startAttempt(token, a.base);
  const own = await createProjectKey(a.projectId);
  const foreign = await createProjectKey(`other-${crypto.randomUUID()}`);
  const stream = (await (await api(`/projects/${a.projectId}/stream-tokens`, json("POST", {}))).json()) as {
    token: string;
  };
  return { a, b, token, attemptId: started.attempt_id, own, foreign, streamToken: stream.token };
}

/** Every new route, with a request that succeeds for the project's key. */
function newRoutes(base: string, attemptId: string, questionId: string) {
  return [
    { path: `${base}/learner-tokens`, init: json("POST", { learner_id: "l-9" }), ok: 201 },
    { path: `${base}/attempts`, init: json("POST", { learner_id: "l-9" }), ok: 201 },
    { path: `${base}/attempts?learner_id=learner-1`, init: {}, ok: 200 },
    { path: `${base}/attempts/${attemptId}`, init: {}, ok: 200 },
    { path: `${base}/attempts/${attemptId}/answers/${questionId}`, init: json("PUT", { option_ids: ["o2"] }), ok: 204 },
    { path: `${base}/stats`, init: {}, ok: 200 },
    { path: `${base}/attempts/${attemptId}/submit`, init: { method: "POST" }, ok: 200 },
  ];
}

describe("learner routes: project keys", { timeout: 90_000 }, () => {
  it("401 without a credential, with a wrong key or a stream token; 403 to another project's key; open to the project's key", async () => {
    const { a, attemptId, own, foreign, streamToken } = await setup();
    const routes = newRoutes(a.base, attemptId, a.questionIds[0]!);
    for (const route of routes) {
      const label = `${route.init.method ?? "GET"} ${route.path}`;
      const none = await raw(route.path, route.init);
      expect(none.status, label).toBe(401);
      expect(none.headers.get("WWW-Authenticate"), label).toMatch(/^Bearer/);
      expect((await raw(route.path, route.init, bearer("emk_not-a-key"))).status, label).toBe(401);
      expect((await raw(route.path, route.init, bearer(streamToken))).status, label).toBe(401);
      const joiner = route.path.includes("?") ? "&" : "?";
      expect((await raw(`${route.path}${joiner}access_token=${streamToken}`, route.init)).status, label).toBe(401);
      expect((await raw(`${route.path}${joiner}token=${streamToken}`, route.init)).status, label).toBe(401);
      const other = await raw(route.path, route.init, bearer(foreign.key));
      expect(other.status, label).toBe(403);
      expect(await errorCode(other)).toBe("FORBIDDEN");
    }
    for (const route of routes) {
      const label = `${route.init.method ?? "GET"} ${route.path}`;
      expect((await raw(route.path, route.init, bearer(own.key))).status, label).toBe(route.ok);
    }
  });

  it("another project's quiz is 404 to a key of this project", async () => {
    const victim = await learnerQuiz();
    const attacker = await projectWithVideo("video.mp4", "attacker");
    const key = await createProjectKey(attacker.projectId);
    const base = `/projects/${attacker.projectId}/quizzes/${victim.quizId}`;
    for (const route of newRoutes(base, "no-attempt", victim.questionIds[0]!)) {
      expect((await raw(route.path, route.init, bearer(key.key))).status, route.path).toBe(404);
    }
  });
});

describe("learner tokens", { timeout: 90_000 }, () => {
  it("open only their own quiz's attempt routes and refuse the teacher's routes and every other route with 403", async () => {
    const { a, b, token, attemptId } = await setup();
    const mine = `${a.base}/attempts/${attemptId}`;
    expect((await raw(mine, {}, bearer(token))).status).toBe(200);
    const refused = [
      { path: `${a.base}/learner-tokens`, init: json("POST", { learner_id: "learner-1" }) },
      { path: `${a.base}/attempts?learner_id=learner-1`, init: {} },
      { path: `${a.base}/stats`, init: {} },
      { path: a.base, init: {} },
      { path: a.base, init: json("PATCH", { title: "Hijacked" }) },
      { path: `${a.base}/export?format=gift`, init: {} },
      { path: `${a.base}/export?format=json`, init: {} },
      { path: `/projects/${a.projectId}/quizzes`, init: {} },
      { path: `/projects/${a.projectId}/videos`, init: {} },
      { path: `/projects/${a.projectId}/videos/${a.assetId}`, init: {} },
      { path: `/projects/${a.projectId}/jobs`, init: {} },
      { path: `/projects/${a.projectId}/stream-tokens`, init: json("POST", {}) },
      { path: `/projects/${a.projectId}/videos/${a.assetId}/ai/transcript`, init: {} },
      { path: `${b.base}/attempts`, init: json("POST", {}) },
      { path: `${b.base}/attempts/${attemptId}`, init: {} },
      { path: `${b.base}/export?format=vtt`, init: {} },
    ];
    for (const route of refused) {
      const res = await raw(route.path, route.init, bearer(token));
      expect(res.status, `${route.init.method ?? "GET"} ${route.path}`).toBe(403);
      expect(await errorCode(res)).toBe("FORBIDDEN");
    }
    expect((await api(a.base).then((r) => r.json())) as { title: string }).toMatchObject({ title: "Photosynthesis" });
  });

  it("another learner's token cannot read, answer or submit the attempt; another project's token is 403", async () => {
    const { a, attemptId } = await setup();
    const other = await mintLearnerToken(a.base, "learner-2");
    const mine = `${a.base}/attempts/${attemptId}`;
    expect((await raw(mine, {}, bearer(other))).status).toBe(403);
    expect(
      (await raw(`${mine}/answers/${a.questionIds[0]}`, json("PUT", { option_ids: ["o1"] }), bearer(other))).status,
    ).toBe(403);
    expect((await raw(`${mine}/submit`, { method: "POST" }, bearer(other))).status).toBe(403);
    const elsewhere = await learnerQuiz();
    const foreignToken = await mintLearnerToken(elsewhere.base, "learner-1");
    expect((await raw(mine, {}, bearer(foreignToken))).status).toBe(403);
    expect((await raw(`${a.base}/attempts`, json("POST", {}), bearer(foreignToken))).status).toBe(403);
  });

  it("expired or tampered: 401", async () => {
    const { a, attemptId } = await setup();
    const claims = { projectId: a.projectId, quizId: a.quizId, assetId: a.assetId, learnerId: "learner-1" };
    const expired = (await signLearnerToken(secret, claims, 60, new Date(Date.now() - 61_000))).token;
    const mine = `${a.base}/attempts/${attemptId}`;
    const res = await raw(mine, {}, bearer(expired));
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { code: "UNAUTHORIZED", message: "Learner token expired" } });
    expect((await raw(`/projects/${a.projectId}/videos/${a.assetId}/content?token=${expired}`)).status).toBe(401);

    const good = await mintLearnerToken(a.base, "learner-1");
    const [body, signature] = good.slice(4).split(".");
    const decoded = JSON.parse(atob(body!.replaceAll("-", "+").replaceAll("_", "/"))) as Record<string, unknown>;
    const forged = btoa(JSON.stringify({ ...decoded, learner_id: "learner-2", quiz_id: a.quizId }))
      .replaceAll("+", "-")
      .replaceAll("/", "_")
      .replace(/=+$/, "");
    const flipped = signature!.startsWith("A") ? `B${signature!.slice(1)}` : `A${signature!.slice(1)}`;
    for (const bad of [`elt_${forged}.${signature}`, `elt_${body}.${flipped}`, "elt_garbage", `elt_${body}`]) {
      const r = await raw(mine, {}, bearer(bad));
      expect(r.status, bad).toBe(401);
      expect(await errorCode(r)).toBe("UNAUTHORIZED");
      // Also on routes a learner token never opens: an altered token is a bad credential, not a scope question.
      expect((await raw(`${a.base}/stats`, {}, bearer(bad))).status).toBe(401);
    }
    // A token claiming a longer life than any mint gives is refused, signature or not.
    const longLived = (await signLearnerToken(secret, claims, 10 * 86_400)).token;
    expect((await raw(mine, {}, bearer(longLived))).status).toBe(401);
  });

  it("play the quiz's video with ?token= (Range works), its poster, storyboard, captions and cue track; nothing of another video", async () => {
    const { a, b, token } = await setup();
    const video = `/projects/${a.projectId}/videos/${a.assetId}`;
    const otherVideo = `/projects/${a.projectId}/videos/${b.assetId}`;
    const q = `token=${encodeURIComponent(token)}`;
    const bytes = new Uint8Array(mediaFixture("video.mp4"));

    const ranged = await raw(`${video}/content?${q}`, { headers: { Range: "bytes=10-99" } });
    expect(ranged.status).toBe(206);
    expect(ranged.headers.get("Content-Range")).toBe(`bytes 10-99/${bytes.byteLength}`);
    expect(new Uint8Array(await ranged.arrayBuffer())).toEqual(bytes.slice(10, 100));
    const whole = await raw(`${video}/content`, {}, bearer(token));
    expect(whole.status).toBe(200);
    expect((await whole.arrayBuffer()).byteLength).toBe(bytes.byteLength);
    expect((await raw(`${video}/content?${q}`, { method: "HEAD" })).status).toBe(200);

    // A poster to read: ingest would have written one.
    const posterKey = `${a.projectId}/thumbs/${a.assetId}.jpg`;
    await env.BUCKET.put(posterKey, new Uint8Array([0xff, 0xd8, 0xff, 0xd9]));
    await createDb(env.DB).update(assets).set({ thumbnailKey: posterKey }).where(eq(assets.id, a.assetId));
    expect((await raw(`${video}/thumbnail?${q}`)).status).toBe(200);
    // No storyboard yet: past the access check, so 404 rather than 403.
    expect((await raw(`${video}/storyboard?${q}`)).status).toBe(404);
    expect((await raw(`${video}/storyboard/sprite?${q}`)).status).toBe(404);

    const captions = await raw(`${video}/ai/transcript?format=vtt&${q}`);
    expect(captions.status).toBe(200);
    expect(await captions.text()).toMatch(/^WEBVTT/);
    expect((await raw(`${video}/ai/transcript?format=srt&${q}`)).status).toBe(200);
    const track = await raw(`${a.base}/export?format=vtt&${q}`);
    expect(track.status).toBe(200);
    expect(await track.text()).toMatch(/^WEBVTT/);

    for (const path of [
      `${otherVideo}/content`,
      `${otherVideo}/thumbnail`,
      `${otherVideo}/storyboard`,
      `${otherVideo}/storyboard/sprite`,
      `${otherVideo}/ai/transcript?format=vtt`,
      `${video}/ai/transcript?format=json`,
      `${video}/ai/transcript`,
      `${a.base}/export?format=qti`,
      `${b.base}/export?format=vtt`,
    ]) {
      const joiner = path.includes("?") ? "&" : "?";
      const res = await raw(`${path}${joiner}${q}`, { headers: { Range: "bytes=0-9" } });
      expect(res.status, path).toBe(403);
      expect(await errorCode(res)).toBe("FORBIDDEN");
    }
    // The project's key still reads everything, with or without a token in the query.
    expect((await raw(`${otherVideo}/content`, {}, bearer((await createProjectKey(a.projectId)).key))).status).toBe(
      200,
    );
  });
});
