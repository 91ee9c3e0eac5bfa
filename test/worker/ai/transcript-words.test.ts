// Word timings, language codes, the glossary and caption rules through a real transcription job.
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { GLOSSARY_MAX_TERMS } from "../../../worker/ai/glossary";
import { TranscriptSchema } from "../../../worker/routes/ai/schema";
import { GlossarySchema } from "../../../worker/routes/ai/transcript-schema";
import { ISOLATED } from "../../fake-openai/behaviours";
import { errorCode } from "../helpers/project-key";
import { api, fakeRequests, projectWithVideo, runJob } from "./ai-kit";
import { seedLesson } from "./lesson-seed";

// Isolated: these requests must not take behaviours that ai-jobs.test.ts queues for its own requests.
const marker = (label: string) => `${ISOLATED}-${label}-${crypto.randomUUID()}`;

const putGlossary = (projectId: string, body: unknown) =>
  api(`/projects/${projectId}/glossary`, {
    method: "PUT",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });

/** SRT cues as [start, end, lines] in seconds. */
function srtCues(srt: string) {
  const seconds = (t: string) => {
    const [h, m, s] = t.replace(",", ".").split(":").map(Number);
    return h! * 3600 + m! * 60 + s!;
  };
  return srt
    .trim()
    .split(/\n\n+/)
    .map((block) => {
      const [, timing, ...lines] = block.split("\n");
      const [start, end] = timing!.split(" --> ").map(seconds);
      return { start: start!, end: end!, lines };
    });
}

describe("transcription with word timings and the project's glossary", { timeout: 60_000 }, () => {
  it("sends the glossary, stores an ISO 639-1 language and words, and makes short captions from them", async () => {
    const { projectId, assetId } = await projectWithVideo("lesson.mp4");
    const glossary = await putGlossary(projectId, { terms: ["chlorophyll", " Krebs cycle "] });
    expect(glossary.status).toBe(200);
    expect(GlossarySchema.parse(await glossary.json()).terms).toEqual(["chlorophyll", "Krebs cycle"]);

    const prompt = marker("biology");
    // No language in the payload: Whisper's detected "english" is stored as "en".
    const job = await runJob(projectId, "transcription", { asset_id: assetId, prompt });
    expect(job.status, job.error_message ?? "").toBe("completed");
    const sent = (await fakeRequests("transcriptions")).filter((r) => String(r.fields?.prompt).startsWith(prompt));
    expect(sent.length).toBeGreaterThan(0);
    for (const request of sent) {
      expect(request.fields).toMatchObject({
        prompt: `${prompt} Glossary: chlorophyll, Krebs cycle.`,
        "timestamp_granularities[]": ["word", "segment"],
      });
      expect(request.fields?.language).toBeUndefined();
    }
    expect(job).toMatchObject({
      attempts: 1,
      result: { cached: false, language: "en", word_count: expect.any(Number) },
    });

    const base = `/projects/${projectId}/videos/${assetId}/ai/transcript`;
    const plain = TranscriptSchema.parse(await (await api(base)).json());
    expect(plain.language).toBe("en");
    expect(plain.words).toBeUndefined();
    const timed = TranscriptSchema.parse(await (await api(`${base}?granularity=word`)).json());
    const words = timed.words!;
    expect(words).toHaveLength((job.result as { word_count: number }).word_count);
    expect(words.length).toBeGreaterThan(timed.segments.length);
    words.forEach((word, i) => {
      const segment = timed.segments[word.segment_index]!;
      expect(word.start).toBeGreaterThanOrEqual(segment.start);
      expect(word.end).toBeLessThanOrEqual(segment.end);
      if (i > 0) expect(word.start).toBeGreaterThanOrEqual(words[i - 1]!.end);
    });

    // Without granularity=word, one cue per segment as before.
    const bySegment = srtCues(await (await api(`${base}?format=srt`)).text());
    expect(bySegment).toHaveLength(timed.segments.length);
    for (const maxLineChars of [42, 16]) {
      const res = await api(`${base}?format=srt&granularity=word&max_line_chars=${maxLineChars}`);
      expect(res.headers.get("Content-Type")).toMatch(/^application\/x-subrip/);
      const cues = srtCues(await res.text());
      expect(cues.length).toBeGreaterThanOrEqual(timed.segments.length);
      for (const cue of cues) {
        expect(cue.lines.length).toBeLessThanOrEqual(2);
        for (const line of cue.lines) expect([...line].length).toBeLessThanOrEqual(maxLineChars);
        expect(cue.end - cue.start).toBeLessThanOrEqual(7);
      }
      const spoken = cues.flatMap((cue) => cue.lines.join(" ").split(" "));
      expect(spoken).toHaveLength(words.length);
    }
    const vtt = await api(`${base}?format=vtt&granularity=word`);
    expect(vtt.headers.get("Content-Type")).toMatch(/^text\/vtt/);
    expect((await vtt.text()).split(" --> ").length - 1).toBe(
      srtCues(await (await api(`${base}?format=srt&granularity=word`)).text()).length,
    );
    expect((await api(`${base}?format=vtt&max_line_chars=12`)).status).toBe(422);

    // Transcribing again replaces the words object: one per asset, named after the current transcript.
    const again = await runJob(projectId, "transcription", { asset_id: assetId, prompt, force: true });
    expect(again).toMatchObject({ status: "completed", attempts: 1, result: { cached: false } });
    const listed = await env.BUCKET.list({ prefix: `projects/${projectId}/processed/` });
    const wordObjects = listed.objects.map((o) => o.key).filter((key) => key.endsWith(".words.json"));
    expect(wordObjects).toEqual([expect.stringContaining((again.result as { transcript_id: string }).transcript_id)]);
    expect((await api(`${base}?granularity=letters`)).status).toBe(422);
  });

  it("a payload language still wins over the detected one", async () => {
    const { projectId, assetId } = await projectWithVideo();
    const prompt = marker("spanish");
    const job = await runJob(projectId, "transcription", { asset_id: assetId, prompt, language: "es" });
    expect(job.status, job.error_message ?? "").toBe("completed");
    expect(job.result).toMatchObject({ language: "es" });
    const [request] = (await fakeRequests("transcriptions")).filter((r) => r.fields?.prompt === prompt);
    expect(request!.fields).toMatchObject({ language: "es" });
  });
});

describe("a transcript without word timings", () => {
  it("answers granularity=word with 404 and keeps one cue per segment", async () => {
    const { projectId, assetId } = await projectWithVideo();
    await seedLesson(projectId, assetId, ["A line from a model without word timings."]);
    const base = `/projects/${projectId}/videos/${assetId}/ai/transcript`;
    const res = await api(`${base}?granularity=word`);
    expect(res.status).toBe(404);
    expect(await errorCode(res)).toBe("NOT_FOUND");
    expect((await api(`${base}?granularity=word&format=srt`)).status).toBe(404);
    expect(srtCues(await (await api(`${base}?format=srt`)).text())).toHaveLength(1);
  });
});

describe("PUT /projects/{project_id}/glossary", () => {
  it("replaces the glossary, an empty list clears it, and GET reads it", async () => {
    const { projectId } = await projectWithVideo();
    const empty = GlossarySchema.parse(await (await api(`/projects/${projectId}/glossary`)).json());
    expect(empty).toEqual({ project_id: projectId, terms: [], updated_at: null });
    await putGlossary(projectId, { terms: ["mitochondria"] });
    await putGlossary(projectId, { terms: ["Krebs cycle", "ATP"] });
    const stored = GlossarySchema.parse(await (await api(`/projects/${projectId}/glossary`)).json());
    expect(stored.terms).toEqual(["Krebs cycle", "ATP"]);
    expect(stored.updated_at).not.toBeNull();
    expect(GlossarySchema.parse(await (await putGlossary(projectId, { terms: [] })).json()).terms).toEqual([]);
  });

  it("rejects too many, empty, duplicate, multi-line or over-long terms, and unknown fields, with 422", async () => {
    const { projectId } = await projectWithVideo();
    const bodies = [
      { terms: Array.from({ length: GLOSSARY_MAX_TERMS + 1 }, (_, i) => `term ${i}`) },
      { terms: ["  "] },
      { terms: ["ATP", "atp"] },
      { terms: ["two\nlines"] },
      { terms: ["x".repeat(101)] },
      { terms: "ATP" },
      { terms: [], extra: true },
      {},
    ];
    for (const body of bodies) {
      const res = await putGlossary(projectId, body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(422);
      expect(await errorCode(res)).toBe("VALIDATION_ERROR");
    }
    const ok = await putGlossary(projectId, { terms: Array.from({ length: GLOSSARY_MAX_TERMS }, (_, i) => `t${i}`) });
    expect(ok.status).toBe(200);
    const malformed = await api(`/projects/${projectId}/glossary`, {
      method: "PUT",
      headers: { "Content-Type": "application/json" },
      body: "{",
    });
    expect(malformed.status).toBe(400);
  });
});
