// Translation and chapter jobs through the Worker, the media service and the fake OpenAI. Each test's lesson
// text carries a marker, and every behaviour it queues is matched on that marker, so files running side by side
// cannot take each other's behaviours.
import { describe, expect, it } from "vitest";
import { TranscriptSchema } from "../../../worker/routes/ai/schema";
import { ChapterRunSchema, TranscriptLanguagesSchema } from "../../../worker/routes/ai/transcript-schema";
import { ISOLATED } from "../../fake-openai/behaviours";
import { api, chatsMentioning, fakeEnqueue, projectWithVideo, runJob } from "./ai-kit";
import { seedLesson } from "./lesson-seed";

async function lesson(lineCount = 7) {
  // Isolated: these requests must not take behaviours that ai-jobs.test.ts queues for its own requests.
  const marker = `${ISOLATED}-${crypto.randomUUID()}`;
  const lines = Array.from({ length: lineCount }, (_, i) => `Line ${i} about photosynthesis and light ${marker}.`);
  const video = await projectWithVideo();
  const transcript = await seedLesson(video.projectId, video.assetId, lines);
  const base = `/projects/${video.projectId}/videos/${video.assetId}/ai`;
  return { ...video, marker, lines, transcript, base };
}

describe("translation jobs", { timeout: 60_000 }, () => {
  it("translates every segment keeping its index and timing, caches per language, lists and serves translations", async () => {
    const { projectId, assetId, base, transcript, marker } = await lesson();
    const job = await runJob(projectId, "translation", { asset_id: assetId, target_languages: ["de", "es", "en"] });
    expect(job.status, job.error_message ?? "").toBe("completed");
    expect(job.result).toMatchObject({
      source_language: "en",
      languages: [
        { language: "de", cached: false, original: false, segment_count: 7 },
        { language: "es", cached: false, original: false, segment_count: 7 },
        { language: "en", cached: true, original: true, segment_count: 7 },
      ],
    });
    const chats = await chatsMentioning(marker);
    expect(chats).toHaveLength(2);
    for (const chat of chats) expect(chat.model).toBe("gpt-4o-mini");

    const de = TranscriptSchema.parse(await (await api(`${base}/transcript?language=de`)).json());
    expect(de.language).toBe("de");
    expect(de.segments).toHaveLength(transcript.segments.length);
    de.segments.forEach((segment, i) => {
      const source = transcript.segments[i]!;
      expect([segment.index, segment.start, segment.end]).toEqual([source.index, source.start, source.end]);
      expect(segment.text).toBe(`(de) ${source.text}`);
    });
    const vtt = await api(`${base}/transcript?language=es&format=vtt`);
    expect(vtt.headers.get("Content-Type")).toMatch(/^text\/vtt/);
    expect(await vtt.text()).toContain(`(es) Line 0 about photosynthesis`);
    const srt = await (await api(`${base}/transcript?language=de&format=srt`)).text();
    expect(srt).toMatch(/^1\n00:00:00,000 --> 00:00:05,500\n\(de\) Line 0/);
    // The transcript's own language is the original.
    const en = TranscriptSchema.parse(await (await api(`${base}/transcript?language=en`)).json());
    expect(en.segments[0]!.text).toBe(transcript.segments[0]!.text);

    const languages = TranscriptLanguagesSchema.parse(await (await api(`${base}/transcript/languages`)).json());
    expect(languages.original_language).toBe("en");
    expect(languages.languages.map((l) => [l.language, l.original, l.segment_count])).toEqual([
      ["en", true, 7],
      ["de", false, 7],
      ["es", false, 7],
    ]);

    const again = await runJob(projectId, "translation", { asset_id: assetId, target_languages: ["es"] });
    expect(again.result).toMatchObject({ languages: [{ language: "es", cached: true }] });
    expect(await chatsMentioning(marker)).toHaveLength(2);
    // force translates again and replaces the stored translation (and its search rows) in place.
    const forced = await runJob(projectId, "translation", { asset_id: assetId, target_languages: ["es"], force: true });
    expect(forced.result).toMatchObject({ languages: [{ language: "es", cached: false, segment_count: 7 }] });
    expect(await chatsMentioning(marker)).toHaveLength(3);
    const search = await api(`/projects/${projectId}/search?q=${encodeURIComponent(marker)}&language=es`);
    expect(((await search.json()) as { hits: unknown[] }).hits).toHaveLength(7);

    const missing = await api(`${base}/transcript?language=fr`);
    expect(missing.status).toBe(404);
    const words = await api(`${base}/transcript?language=de&granularity=word`);
    expect(words.status).toBe(422);
  });

  it("asks again when an answer drops or merges segments, and keeps the good answer", async () => {
    const { projectId, assetId, base, marker, lines } = await lesson(5);
    await fakeEnqueue(
      { endpoint: "chat", kind: "translation_drop", match: marker },
      { endpoint: "chat", kind: "translation_merge", match: marker },
    );
    const job = await runJob(projectId, "translation", { asset_id: assetId, target_languages: ["fr"] });
    expect(job.status, job.error_message ?? "").toBe("completed");
    const chats = await chatsMentioning(marker);
    expect(chats.map((c) => c.behaviour)).toEqual(["translation_drop", "translation_merge", null]);
    expect(job.logs.filter((log) => log.message.startsWith("Translation answer rejected"))).toHaveLength(2);
    const fr = TranscriptSchema.parse(await (await api(`${base}/transcript?language=fr`)).json());
    expect(fr.segments.map((s) => s.text)).toEqual(lines.map((line) => `(fr) ${line}`));
  });

  it("fails clearly, without retrying the job, when every answer drops, reorders or merges segments", async () => {
    const { projectId, assetId, base, marker } = await lesson(4);
    await fakeEnqueue(
      { endpoint: "chat", kind: "translation_drop", match: marker },
      { endpoint: "chat", kind: "translation_reorder", match: marker },
      { endpoint: "chat", kind: "translation_merge", match: marker },
    );
    const job = await runJob(
      projectId,
      "translation",
      { asset_id: assetId, target_languages: ["de"] },
      { max_attempts: 3, retry_delay_seconds: 0 },
    );
    expect(job.status).toBe("failed");
    expect(job.attempts).toBe(1);
    expect(job.error_message).toMatch(/Translation to German \(de\) failed: batch 1 of 1 \(segments 0-3\)/);
    expect(job.error_message).toMatch(/3 attempts/);
    expect((await chatsMentioning(marker)).length).toBe(3);
    expect((await api(`${base}/transcript?language=de`)).status).toBe(404);
  });

  it("fails at once without a transcript, and rejects bad target languages when the job is created", async () => {
    const video = await projectWithVideo();
    const job = await runJob(video.projectId, "translation", { asset_id: video.assetId, target_languages: ["de"] });
    expect(job.status).toBe("failed");
    expect(job.error_message).toMatch(/no transcript yet/);
    for (const target_languages of [
      [],
      ["german"],
      ["de", "de"],
      Array.from({ length: 11 }, (_, i) => `a${"bcdefghijkl"[i]}`),
    ]) {
      const res = await api(`/projects/${video.projectId}/jobs`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ job_type: "translation", payload: { asset_id: video.assetId, target_languages } }),
      });
      expect(res.status, JSON.stringify(target_languages)).toBe(422);
    }
  });
});

describe("chapter jobs", { timeout: 60_000 }, () => {
  function expectCovering(run: ReturnType<typeof ChapterRunSchema.parse>, starts: number[], duration: number) {
    expect(run.chapters.length).toBeGreaterThan(0);
    expect(run.chapters[0]!.start).toBe(0);
    expect(run.chapters.at(-1)!.end).toBeCloseTo(duration, 3);
    run.chapters.forEach((chapter, i) => {
      expect(chapter.index).toBe(i);
      expect(chapter.end).toBeGreaterThan(chapter.start);
      expect(starts).toContain(chapter.start);
      if (i > 0) expect(chapter.start).toBe(run.chapters[i - 1]!.end);
    });
  }

  it("covers the lesson without gaps or overlaps on segment starts, summarises it, caches, and serves a VTT track", async () => {
    const { projectId, assetId, base, transcript, marker } = await lesson(9);
    const job = await runJob(projectId, "chapters", { asset_id: assetId, max_chapters: 3 });
    expect(job.status, job.error_message ?? "").toBe("completed");
    expect(job.result).toMatchObject({ cached: false, language: "en", max_chapters: 3, chapter_count: 3 });
    const chats = await chatsMentioning(marker);
    expect(chats).toHaveLength(1);
    expect(chats[0]!.prompt).toMatch(/English \(en\)/);

    const run = ChapterRunSchema.parse(await (await api(`${base}/chapters`)).json());
    expectCovering(
      run,
      transcript.segments.map((s) => s.start),
      transcript.duration,
    );
    expect(run.repairs.snapped).toBeGreaterThan(0);
    expect(run.summary.title).toBe("Lesson summary (en)");
    expect(run.summary.key_points).toHaveLength(3);

    const vtt = await api(`${base}/chapters?format=vtt`);
    expect(vtt.headers.get("Content-Type")).toMatch(/^text\/vtt/);
    const body = await vtt.text();
    expect(body.startsWith("WEBVTT\n\n00:00:00.000 --> ")).toBe(true);
    expect(body.match(/ --> /g)).toHaveLength(3);
    expect(body).toContain(run.chapters[1]!.title);

    const cached = await runJob(projectId, "chapters", { asset_id: assetId, max_chapters: 3 });
    expect(cached.result).toMatchObject({ cached: true, chapter_run_id: job.result!.chapter_run_id });
    expect(await chatsMentioning(marker)).toHaveLength(1);
  });

  it("repairs chapters that are out of range, overlap or leave gaps", async () => {
    const { projectId, assetId, base, transcript, marker } = await lesson(10);
    await fakeEnqueue({ endpoint: "chat", kind: "broken_chapters", match: marker });
    const job = await runJob(projectId, "chapters", { asset_id: assetId });
    expect(job.status, job.error_message ?? "").toBe("completed");
    const run = ChapterRunSchema.parse(await (await api(`${base}/chapters`)).json());
    expectCovering(
      run,
      transcript.segments.map((s) => s.start),
      transcript.duration,
    );
    expect(run.repairs).toMatchObject({ received: 6 });
    expect(run.repairs.dropped_out_of_range).toBeGreaterThanOrEqual(2);
    expect(run.repairs.overlaps).toBeGreaterThanOrEqual(1);
    expect(run.repairs.gaps).toBeGreaterThanOrEqual(1);
    expect(run.chapters.map((c) => c.title)).not.toContain("Past the end");
  });

  it("answers 404 before a run, and a new transcript takes the chapters and translations with it", async () => {
    const { projectId, assetId, base, marker } = await lesson(3);
    expect((await api(`${base}/chapters`)).status).toBe(404);
    await runJob(projectId, "chapters", { asset_id: assetId });
    await runJob(projectId, "translation", { asset_id: assetId, target_languages: ["de"] });
    expect((await api(`${base}/chapters`)).status).toBe(200);
    await seedLesson(projectId, assetId, [`A new recording ${marker}`]);
    expect((await api(`${base}/chapters`)).status).toBe(404);
    expect((await api(`${base}/transcript?language=de`)).status).toBe(404);
    const languages = TranscriptLanguagesSchema.parse(await (await api(`${base}/transcript/languages`)).json());
    expect(languages.languages.map((l) => l.language)).toEqual(["en"]);
  });
});
