import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { sceneRuns } from "../../../worker/db/schema/scene-runs";
import { transcripts } from "../../../worker/db/schema/transcripts";
import { SceneRunSchema, TranscriptSchema } from "../../../worker/routes/ai/schema";
import { errorCode } from "../helpers/project-key";
import { api, projectWithVideo } from "./ai-kit";
import { db, SEGMENTS, seedSceneRun, seedTranscript } from "./ai-seed";

const paths = (projectId: string, assetId: string) => ({
  transcript: `/projects/${projectId}/videos/${assetId}/ai/transcript`,
  scenes: `/projects/${projectId}/videos/${assetId}/ai/scenes`,
});

describe("GET .../ai/transcript", () => {
  it("returns the stored transcript in the original's shape", async () => {
    const { projectId, assetId } = await projectWithVideo();
    const stored = await seedTranscript(projectId, assetId, "req_seeded");
    const res = await api(paths(projectId, assetId).transcript);
    expect(res.status).toBe(200);
    const body = TranscriptSchema.parse(await res.json());
    expect(Object.keys(body).sort()).toEqual(
      [
        "asset_id",
        "project_id",
        "request_id",
        "language",
        "text",
        "segment_count",
        "duration",
        "usage",
        "segments",
        "cached",
        "created_at",
        "updated_at",
        "metadata",
      ].sort(),
    );
    expect(body).toMatchObject({
      asset_id: assetId,
      project_id: projectId,
      request_id: "req_seeded",
      language: "en",
      segment_count: 3,
      duration: 3727,
      usage: { audio_seconds: 3727, requests: 7 },
      cached: true,
      created_at: stored.createdAt,
      metadata: { model: "whisper-1", job_id: "job-seed" },
    });
    expect(body.segments).toEqual(SEGMENTS);
  });

  it("renders SRT with its content type", async () => {
    const { projectId, assetId } = await projectWithVideo();
    await seedTranscript(projectId, assetId);
    const res = await api(`${paths(projectId, assetId).transcript}?format=srt`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/x-subrip; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe(`inline; filename="${assetId}.srt"`);
    // Decoded by hand: workerd warns when .text() meets a content type it does not know as text.
    expect(new TextDecoder().decode(await res.arrayBuffer())).toBe(
      [
        "1\n00:00:00,000 --> 00:00:02,500\nWelcome to fractions.\n",
        "2\n00:00:02,500 --> 00:01:01,250\nA <b> & c --> d\n",
        "3\n01:02:05,500 --> 01:02:07,000\nTeacher: Line one\nline two\n",
      ].join("\n"),
    );
  });

  it("renders WebVTT with escaping and speaker tags", async () => {
    const { projectId, assetId } = await projectWithVideo();
    await seedTranscript(projectId, assetId);
    const res = await api(`${paths(projectId, assetId).transcript}?format=vtt`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/vtt; charset=utf-8");
    expect(await res.text()).toBe(
      [
        "WEBVTT\n",
        "00:00:00.000 --> 00:00:02.500\nWelcome to fractions.\n",
        "00:00:02.500 --> 00:01:01.250\nA &lt;b&gt; &amp; c \u2192 d\n",
        "01:02:05.500 --> 01:02:07.000\n<v Teacher>Line one\nline two\n",
      ].join("\n"),
    );
  });

  it("answers 404 without a transcript, for unknown videos and for another project's video", async () => {
    const { projectId, assetId } = await projectWithVideo();
    const res = await api(paths(projectId, assetId).transcript);
    expect(res.status).toBe(404);
    expect(await errorCode(res)).toBe("NOT_FOUND");
    expect((await api(`${paths(projectId, assetId).transcript}?format=srt`)).status).toBe(404);
    expect((await api(paths(projectId, crypto.randomUUID()).transcript)).status).toBe(404);
    const other = await projectWithVideo();
    await seedTranscript(other.projectId, other.assetId);
    expect((await api(paths(projectId, other.assetId).transcript)).status).toBe(404);
  });

  it("rejects an unknown format with 422", async () => {
    const { projectId, assetId } = await projectWithVideo();
    await seedTranscript(projectId, assetId);
    const res = await api(`${paths(projectId, assetId).transcript}?format=txt`);
    expect(res.status).toBe(422);
    expect(await errorCode(res)).toBe("VALIDATION_ERROR");
  });
});

describe("GET .../ai/scenes", () => {
  it("returns the latest run, or the run for an exact tone and criteria", async () => {
    const { projectId, assetId } = await projectWithVideo();
    const transcript = await seedTranscript(projectId, assetId);
    const older = await seedSceneRun(transcript, { tone: "playful", criteria: null }, "2026-11-24T01:00:00.000Z");
    await seedSceneRun(
      transcript,
      { tone: "playful", criteria: "definitions", maxScenes: 3 },
      "2026-11-24T02:00:00.000Z",
    );
    const newest = await seedSceneRun(transcript, { tone: null, criteria: null }, "2026-11-24T03:00:00.000Z");
    const url = paths(projectId, assetId).scenes;

    const latest = SceneRunSchema.parse(await (await api(url)).json());
    expect(latest).toMatchObject({
      asset_id: assetId,
      project_id: projectId,
      request_id: newest.requestId,
      generated_at: "2026-11-24T03:00:00.000Z",
      parameters: { tone: null, criteria: null, max_scenes: 8 },
      usage: { total_tokens: 120, requests: 1 },
    });
    expect(Object.keys(latest.usage).sort()).toEqual(["requests", "total_tokens"]);
    expect(latest.scenes[0]).toEqual({
      id: "scene_1",
      title: "Fractions",
      description: "The definition.",
      start: 0,
      end: 61.25,
      duration: 61.25,
      confidence: 0.9,
      priority: 1,
      tags: ["fractions"],
    });

    const playful = SceneRunSchema.parse(await (await api(`${url}?tone=playful`)).json());
    expect(playful.request_id).toBe(older.requestId);
    const both = SceneRunSchema.parse(await (await api(`${url}?tone=%20playful%20&criteria=definitions`)).json());
    expect(both.parameters).toEqual({ tone: "playful", criteria: "definitions", max_scenes: 3 });
    const none = SceneRunSchema.parse(await (await api(`${url}?tone=&criteria=`)).json());
    expect(none.request_id).toBe(newest.requestId);
    const missing = await api(`${url}?tone=serious`);
    expect(missing.status).toBe(404);
    expect(await errorCode(missing)).toBe("NOT_FOUND");
  });

  it("answers 404 without a transcript or without runs", async () => {
    const { projectId, assetId } = await projectWithVideo();
    expect((await api(paths(projectId, assetId).scenes)).status).toBe(404);
    await seedTranscript(projectId, assetId);
    const res = await api(paths(projectId, assetId).scenes);
    expect(res.status).toBe(404);
    expect(await errorCode(res)).toBe("NOT_FOUND");
  });

  it("a new transcript replaces the old one and the scene runs made from it", async () => {
    const { projectId, assetId } = await projectWithVideo();
    const first = await seedTranscript(projectId, assetId);
    await seedSceneRun(first, { tone: "playful", criteria: null });
    const second = await seedTranscript(projectId, assetId);
    const rows = await db().select().from(transcripts).where(eq(transcripts.assetId, assetId));
    expect(rows.map((row) => row.id)).toEqual([second.id]);
    expect(await db().select().from(sceneRuns).where(eq(sceneRuns.assetId, assetId))).toEqual([]);
    expect((await api(paths(projectId, assetId).scenes)).status).toBe(404);
  });
});

describe("deleting a video", () => {
  it("removes its transcripts and scene runs", async () => {
    const { projectId, assetId } = await projectWithVideo();
    const transcript = await seedTranscript(projectId, assetId);
    await seedSceneRun(transcript, { tone: null, criteria: null });
    const res = await api(`/projects/${projectId}/videos/${assetId}`, { method: "DELETE" });
    expect(res.status).toBeLessThan(300);
    expect(await db().select().from(transcripts).where(eq(transcripts.assetId, assetId))).toEqual([]);
    expect(await db().select().from(sceneRuns).where(eq(sceneRuns.assetId, assetId))).toEqual([]);
    expect((await api(paths(projectId, assetId).transcript)).status).toBe(404);
  });
});
