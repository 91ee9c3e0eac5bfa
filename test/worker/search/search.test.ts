import { describe, expect, it } from "vitest";
import { saveTranslation } from "../../../worker/ai/translation-store";
import { api, projectWithVideo } from "../ai/ai-kit";
import { db } from "../ai/ai-seed";
import { lessonSegments, seedLesson } from "../ai/lesson-seed";

interface Hit {
  asset_id: string;
  asset_title: string;
  segment_index: number;
  start: number;
  end: number;
  snippet: string;
  score: number;
  language: string | null;
  source: string;
}

async function search(projectId: string, params: Record<string, string>) {
  const res = await api(`/projects/${projectId}/search?${new URLSearchParams(params)}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as { hits: Hit[]; next_cursor: string | null };
}

/** A project with two lessons; each test gets its own. */
async function biology() {
  const first = await projectWithVideo("video.mp4", "search");
  const { projectId } = first;
  await seedLesson(projectId, first.assetId, [
    "Welcome to biology, today is about plants.",
    "In the light reaction, water is split and oxygen is released.",
    "Chlorophyll absorbs red and blue light.",
    "A reaction to light is not the light reaction.",
    "La photosynthèse se fait dans les chloroplastes.",
    "Use <b>tags</b> & symbols carefully.",
  ]);
  // A second lesson of the project, where "light" is rarer among longer lines.
  const second = await projectWithVideo("video.mp4", "search", projectId);
  await seedLesson(projectId, second.assetId, [
    "Plants need water, carbon dioxide and some light to make the sugar they live on every day.",
  ]);
  const other = await projectWithVideo("video.mp4", "search");
  await seedLesson(other.projectId, other.assetId, ["Light light light in another project's chlorophyll."]);
  return { projectId, first, second, other };
}

describe("GET /projects/{project_id}/search", () => {
  it("finds words with their second, marks them, ranks by bm25 and keeps to the project", async () => {
    const { projectId, first, second, other } = await biology();
    const { hits } = await search(projectId, { q: "light" });
    expect(hits.map((h) => `${h.asset_id === first.assetId ? "first" : "second"}:${h.segment_index}`).sort()).toEqual([
      "first:1",
      "first:2",
      "first:3",
      "second:0",
    ]);
    // The long line of the second lesson, with one "light", ranks last.
    expect(hits.at(-1)!.asset_id).toBe(second.assetId);
    for (const hit of hits) {
      expect(hit.asset_title).toBe("lesson");
      expect(hit.source).toBe("transcript");
      expect(hit.snippet).toContain("<mark>light</mark>");
      expect(hit.end).toBeGreaterThan(hit.start);
    }
    // "light" twice in a short line beats once in a longer one.
    expect(hits[0]!.segment_index).toBe(3);
    expect(hits[0]!.start).toBe(18);
    for (let i = 1; i < hits.length; i++) expect(hits[i]!.score).toBeLessThanOrEqual(hits[i - 1]!.score);
    // Another project's transcripts never appear, though they match better.
    expect(hits.some((h) => h.asset_id === other.assetId)).toBe(false);
    const theirs = await search(other.projectId, { q: "light" });
    expect(theirs.hits.map((h) => h.asset_id)).toEqual([other.assetId]);
  });

  it("understands phrases, prefixes, case and diacritics, and escapes snippets", async () => {
    const { projectId } = await biology();
    const phrase = await search(projectId, { q: '"light reaction"' });
    expect(phrase.hits.map((h) => h.segment_index).sort()).toEqual([1, 3]);
    expect(phrase.hits.find((h) => h.segment_index === 1)!.snippet).toContain(
      "In the <mark>light reaction</mark>, water",
    );
    expect((await search(projectId, { q: '"reaction light"' })).hits).toEqual([]);
    expect((await search(projectId, { q: "chloro*" })).hits.map((h) => h.segment_index).sort()).toEqual([2, 4]);
    expect((await search(projectId, { q: "CHLOROPHYLL" })).hits.map((h) => h.segment_index)).toEqual([2]);
    expect((await search(projectId, { q: "photosynthese" })).hits.map((h) => h.segment_index)).toEqual([4]);
    // Every word must occur; stop words are left out of the query.
    expect((await search(projectId, { q: "the oxygen water" })).hits.map((h) => h.segment_index)).toEqual([1]);
    const tags = await search(projectId, { q: "tags" });
    expect(tags.hits[0]!.snippet).toBe("Use &lt;b&gt;<mark>tags</mark>&lt;/b&gt; &amp; symbols carefully.");
    // FTS5 syntax in the query is only text.
    expect((await search(projectId, { q: "light NEAR(water) OR -x:y ^" })).hits.map((h) => h.segment_index)).toEqual(
      [],
    );
    expect((await search(projectId, { q: 'light) AND "water' })).hits.map((h) => h.segment_index).sort()).toEqual([
      0, 1,
    ]);
  });

  it("cuts a long segment's snippet around its first match", async () => {
    const { projectId } = await biology();
    const words = Array.from({ length: 60 }, (_, i) => `word${i}`);
    words[45] = "Ribosome";
    const lesson = await projectWithVideo("video.mp4", "search", projectId);
    await seedLesson(projectId, lesson.assetId, [words.join(" ")]);
    const [hit] = (await search(projectId, { q: "ribosome" })).hits;
    // 32 words: the match with 8 before it, moved back so that the window stays full at the end.
    expect(hit!.snippet).toBe(
      `…${words.slice(28, 45).join(" ")} <mark>Ribosome</mark> ${words.slice(46, 60).join(" ")}`,
    );
  });

  it("answers 422 for stop words only, punctuation only, short prefixes and bad parameters", async () => {
    const { projectId } = await biology();
    for (const q of ["the and of", "?!  ...", '""', "a*", "  "]) {
      const res = await api(`/projects/${projectId}/search?${new URLSearchParams({ q })}`);
      expect(res.status, q).toBe(422);
    }
    expect((await api(`/projects/${projectId}/search`)).status).toBe(422);
    expect((await api(`/projects/${projectId}/search?q=light&limit=0`)).status).toBe(422);
    expect((await api(`/projects/${projectId}/search?q=light&cursor=not-ours`)).status).toBe(422);
    expect((await api(`/projects/${projectId}/search?q=light&language=english`)).status).toBe(422);
  });

  it("pages with a cursor and filters by asset", async () => {
    const { projectId, first } = await biology();
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: { hits: Hit[]; next_cursor: string | null } = await search(projectId, {
        q: "light",
        limit: "1",
        ...(cursor ? { cursor } : {}),
      });
      expect(page.hits.length).toBeLessThanOrEqual(1);
      seen.push(...page.hits.map((h) => h.segment_index));
      cursor = page.next_cursor;
    } while (cursor);
    expect(seen).toEqual((await search(projectId, { q: "light" })).hits.map((h) => h.segment_index));
    expect(seen).toHaveLength(4);
    expect((await search(projectId, { q: "light", asset_id: first.assetId })).hits).toHaveLength(3);
    expect((await search(projectId, { q: "light", asset_id: crypto.randomUUID() })).hits).toEqual([]);
  });

  it("follows re-transcription and deletion, and searches translations with language=", async () => {
    const { projectId, first } = await biology();
    const transcript = await seedLesson(projectId, first.assetId, ["Mitochondria are the powerhouse of the cell."]);
    expect((await search(projectId, { q: "light", asset_id: first.assetId })).hits).toEqual([]);
    expect((await search(projectId, { q: "powerhouse" })).hits).toHaveLength(1);

    await saveTranslation(db(), {
      projectId,
      assetId: first.assetId,
      transcriptId: transcript.id,
      language: "de",
      sourceLanguage: "en",
      model: "gpt-4o-mini",
      promptVersion: "translation-v1",
      requestId: "req_test",
      segments: lessonSegments(["Mitochondrien sind die Kraftwerke der Zelle."], "de"),
      usage: { total_tokens: 1, prompt_tokens: 1, completion_tokens: 0, requests: 1 },
    });
    const german = await search(projectId, { q: "kraftwerk*", language: "de" });
    expect(german.hits).toHaveLength(1);
    expect(german.hits[0]).toMatchObject({ source: "translation", language: "de", segment_index: 0 });
    // The translation is not searched without language=, nor the transcript with language=de.
    expect((await search(projectId, { q: "kraftwerke" })).hits).toEqual([]);
    expect((await search(projectId, { q: "powerhouse", language: "de" })).hits).toEqual([]);

    const deleted = await api(`/projects/${projectId}/videos/${first.assetId}`, { method: "DELETE" });
    expect(deleted.status).toBeLessThan(300);
    expect((await search(projectId, { q: "powerhouse" })).hits).toEqual([]);
    expect((await search(projectId, { q: "kraftwerke", language: "de" })).hits).toEqual([]);
  });
});
