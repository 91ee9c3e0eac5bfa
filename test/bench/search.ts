// `npm run bench:search [-- --hours 1000 --assets 200 --queries 1000]`
// Issue 19's search figures: generated lesson transcripts (about 10,000 words an hour) indexed into the local D1 of
// the stack (wrangler dev), then mixed queries (words, phrases, prefixes) timed through the Worker's
// GET /projects/{id}/search. Indexing writes the rows the Worker writes (transcripts, transcript_search_rows, the FTS5
// index through its triggers) straight into the local D1 file, with wrangler stopped, in one transaction per lesson.
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { DatabaseSync } from "node:sqlite";
import { type LocalStack, startLocalStack } from "../stack/local-stack";
import { numberArg } from "./cli-args";

const HOURS = numberArg("hours", 1000);
const ASSETS = numberArg("assets", 200);
const QUERIES = numberArg("queries", 1000);
const ADMIN_KEY = "bench-search-admin";
const PROJECT = "bench-search";
const SEGMENT_SECONDS = 6;
const WORDS_PER_SEGMENT = 17; // ~10,000 words an hour at 6 s a segment
const work = mkdtempSync(path.join(os.tmpdir(), "bench-search-"));
const state = path.join(work, "state");
const ms = (value: number) => `${value.toFixed(1)} ms`;
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

/** Deterministic pseudo-random numbers (mulberry32), so runs are comparable. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = random(19);

const COMMON = `the a of and to in is that it for on with as this are be we at by from so can what about which when
  there their they will one all would how if out up more now look here then because these very also just some into
  see other only our time new first way well like two where much most know make take think come same each should`.split(
  /\s+/,
);
const SUBJECT =
  `photosynthesis chlorophyll light reaction krebs cycle glucose oxygen carbon dioxide mitochondria cell membrane
  nucleus protein enzyme energy molecule atom electron proton neutron gravity velocity acceleration force mass
  momentum fraction denominator numerator equation variable function derivative integral triangle angle circle
  radius diameter volume density pressure temperature evaporation condensation precipitation ecosystem predator
  prey habitat species evolution mutation gene chromosome bacteria virus vaccine immune revolution empire treaty
  parliament democracy economy inflation market supply demand poem metaphor narrator character plot theme sentence
  paragraph verb adjective noun pronoun café naïve résumé über façade déjà photosynthèse`.split(/\s+/);
// Zipf-like: common words dominate, subject words are rarer, the rare tail rarest.
const RARE = Array.from({ length: 20_000 }, (_, i) => `term${i.toString(36)}x`);
function word(): string {
  const r = rand();
  if (r < 0.55) return COMMON[Math.floor(rand() ** 2 * COMMON.length)]!;
  if (r < 0.93) return SUBJECT[Math.floor(rand() ** 1.5 * SUBJECT.length)]!;
  return RARE[Math.floor(rand() ** 3 * RARE.length)]!;
}
function sentence(): string {
  const words = Array.from({ length: WORDS_PER_SEGMENT - 3 + Math.floor(rand() * 7) }, word);
  words[0] = words[0]!.charAt(0).toUpperCase() + words[0]!.slice(1);
  return `${words.join(" ")}.`;
}

function findD1File(): string {
  const dir = path.join(state, "v3", "d1", "miniflare-D1DatabaseObject");
  const file = readdirSync(dir).find((name) => name.endsWith(".sqlite") && name !== "metadata.sqlite");
  if (!file) throw new Error(`no local D1 file in ${dir}`);
  return path.join(dir, file);
}

function sizeOf(file: string): number {
  let bytes = 0;
  for (const suffix of ["", "-wal", "-shm"]) {
    try {
      bytes += statSync(file + suffix).size;
    } catch {
      // absent
    }
  }
  return bytes;
}

/** Indexes the generated lessons into the D1 file; returns seconds spent and words written, and a query mix. */
function index(file: string) {
  const db = new DatabaseSync(file);
  const now = new Date().toISOString();
  const segmentsPerAsset = Math.round((HOURS * 3600) / SEGMENT_SECONDS / ASSETS);
  const insertAsset = db.prepare(`INSERT INTO assets (id, project_id, category, status, r2_key, filename,
    original_filename, content_type, size_bytes, checksum, created_at, updated_at)
    VALUES (?, ?, 'video', 'ready', ?, ?, ?, 'video/mp4', 1, ?, ?, ?)`);
  const insertTranscript = db.prepare(`INSERT INTO transcripts (id, project_id, asset_id, request_id, model,
    language, text, duration_seconds, segments, word_count, usage, metadata, created_at, updated_at)
    VALUES (?, ?, ?, ?, 'whisper-1', 'en', ?, ?, ?, NULL, '{}', '{}', ?, ?)`);
  const insertRows = db.prepare(`INSERT INTO transcript_search_rows (project_id, asset_id, transcript_id, source,
    language, segment_index, start_seconds, end_seconds, text)
    SELECT ?, ?, ?, 'transcript', 'en', json_extract(value, '$[0]'), json_extract(value, '$[1]'),
      json_extract(value, '$[2]'), json_extract(value, '$[3]')
    FROM json_each(?)`);
  const phrases: string[] = [];
  let words = 0;
  let seconds = 0;
  for (let a = 0; a < ASSETS; a++) {
    const assetId = crypto.randomUUID();
    const transcriptId = crypto.randomUUID();
    const segments = Array.from({ length: segmentsPerAsset }, (_, i) => {
      const text = sentence();
      words += text.split(" ").length;
      return { index: i, start: i * SEGMENT_SECONDS, end: i * SEGMENT_SECONDS + SEGMENT_SECONDS - 0.4, text };
    });
    // Two consecutive words of a line, at least one not a common word (a phrase of stop words only is a 422).
    while (phrases.length < (a + 1) * 5) {
      const tokens = segments[Math.floor(rand() * segments.length)]!.text.replace(".", "").toLowerCase().split(" ");
      const at = Math.floor(rand() * (tokens.length - 1));
      if (COMMON.includes(tokens[at]!) && COMMON.includes(tokens[at + 1]!)) continue;
      phrases.push(`"${tokens[at]} ${tokens[at + 1]}"`);
    }
    const started = performance.now();
    db.exec("BEGIN");
    insertAsset.run(
      assetId,
      PROJECT,
      `${PROJECT}/uploads/${assetId}.mp4`,
      `${assetId}.mp4`,
      `lesson-${a}.mp4`,
      "0".repeat(64),
      now,
      now,
    );
    insertTranscript.run(
      transcriptId,
      PROJECT,
      assetId,
      `req_${transcriptId}`,
      segments.map((s) => s.text).join(" "),
      segmentsPerAsset * SEGMENT_SECONDS,
      JSON.stringify(segments),
      now,
      now,
    );
    insertRows.run(
      PROJECT,
      assetId,
      transcriptId,
      JSON.stringify(segments.map((s) => [s.index, s.start, s.end, s.text])),
    );
    db.exec("COMMIT");
    seconds += (performance.now() - started) / 1000;
    if ((a + 1) % 20 === 0) console.log(`indexed ${a + 1}/${ASSETS} lessons (${(words / 1e6).toFixed(1)} M words)`);
  }
  db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
  db.close();
  return { seconds, words, phrases };
}

const KINDS = ["word", "phrase", "prefix", "word + rare term"] as const;

function queryMix(phrases: string[]): string[] {
  const queries: string[] = [];
  for (let i = 0; i < QUERIES; i++) {
    const kind = i % 4;
    if (kind === 0) queries.push(SUBJECT[Math.floor(rand() * SUBJECT.length)]!);
    else if (kind === 1) queries.push(phrases[Math.floor(rand() * phrases.length)]!);
    else if (kind === 2) queries.push(`${SUBJECT[Math.floor(rand() * SUBJECT.length)]!.slice(0, 4)}*`);
    else queries.push(`${SUBJECT[Math.floor(rand() * SUBJECT.length)]} ${RARE[Math.floor(rand() * 200)]}`);
  }
  return queries;
}

let stack: LocalStack | undefined;
const stackOptions = {
  port: 18_881,
  mediaPort: 18_882,
  persistTo: state,
  inheritOutput: process.argv.includes("--verbose"),
  env: { ADMIN_API_KEY: ADMIN_KEY, LOG_LEVEL: "WARNING" },
};
try {
  // First start applies the migrations to a fresh local D1; the rows go in while wrangler is stopped.
  stack = await startLocalStack(stackOptions);
  await stack.stop();
  stack = undefined;
  const file = findD1File();
  const built = index(file);
  const bytes = sizeOf(file);
  stack = await startLocalStack(stackOptions);
  const queries = queryMix(built.phrases);
  const times: number[] = [];
  const byKind = KINDS.map(() => [] as number[]);
  let hits = 0;
  // Warm-up: the first requests pay for the Worker's start-up and SQLite's page cache.
  for (const q of queries.slice(0, 20))
    await fetch(`${stack.apiUrl}/projects/${PROJECT}/search?q=${encodeURIComponent(q)}`, {
      headers: { Authorization: `Bearer ${ADMIN_KEY}` },
    });
  for (const [i, q] of queries.entries()) {
    const started = performance.now();
    const res = await fetch(`${stack.apiUrl}/projects/${PROJECT}/search?q=${encodeURIComponent(q)}&limit=20`, {
      headers: { Authorization: `Bearer ${ADMIN_KEY}` },
    });
    const body = (await res.json()) as { hits?: unknown[] };
    times.push(performance.now() - started);
    byKind[i % KINDS.length]!.push(times.at(-1)!);
    if (res.status !== 200) throw new Error(`${q}: ${res.status} ${JSON.stringify(body)}`);
    hits += body.hits?.length ?? 0;
  }
  times.sort((a, b) => a - b);
  const p95 = quantile(times, 0.95);
  console.log(
    [
      `Search benchmark through the Worker (wrangler dev on loopback, ${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(1)})`,
      `indexed ${HOURS} h of transcript (${(built.words / 1e6).toFixed(2)} M words) across ${ASSETS} lessons in ${built.seconds.toFixed(1)} s: ${((built.seconds * 1000) / HOURS).toFixed(1)} ms per hour of transcript`,
      `local D1 size ${(bytes / 1024 / 1024).toFixed(0)} MiB`,
      ...KINDS.map((kind, i) => {
        const sorted = byKind[i]!.sort((a, b) => a - b);
        return `  ${kind}: p50 ${ms(quantile(sorted, 0.5))}, p95 ${ms(quantile(sorted, 0.95))}`;
      }),
      `${QUERIES} queries (words, phrases, prefixes, word + rare term), ${(hits / QUERIES).toFixed(1)} hits each on average: p50 ${ms(quantile(times, 0.5))}, p95 ${ms(p95)}, p99 ${ms(quantile(times, 0.99))}, max ${ms(times.at(-1)!)}  ->  target p95 < 50 ms ${p95 < 50 ? "met" : "MISSED"}`,
    ].join("\n"),
  );
} finally {
  await stack?.stop();
  rmSync(work, { recursive: true, force: true });
}
