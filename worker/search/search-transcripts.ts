import { sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { decodeCursor, encodeCursor } from "../db/cursor";
import { assets } from "../db/schema/assets";
import { transcriptSearchRows } from "../db/schema/transcript-search-rows";
import { DomainError } from "../domain-error";
import { parseQuery, textMatch } from "./search-query";
import { markedSnippet } from "./snippet";

export interface SearchRequest {
  projectId: string;
  q: string;
  assetId?: string;
  /** Search the texts in this language (translations into it, and transcripts spoken in it) instead of the transcripts. */
  language?: string;
  limit: number;
  cursor?: string;
}

export interface SearchHit {
  asset_id: string;
  asset_title: string;
  segment_index: number;
  start: number;
  end: number;
  /** The matched text, HTML-escaped, with the matched words in `<mark>…</mark>`. */
  snippet: string;
  /** bm25 relevance, higher is better; comparable within one query only. */
  score: number;
  language: string | null;
  source: "transcript" | "translation";
}

/**
 * Matches ranked per query, newest first: bm25 needs every candidate scored before the best can be picked, which
 * for a word in a fifth of a large project's segments costs far more than the answer. Up to this many matches
 * (of the project, in the searched texts) the ranking is exact; beyond, the most recently indexed ones are ranked.
 */
export const RANKED_CANDIDATES = 2000;

/** A hit's key in the ranked list: bm25 rank (ascending, as FTS5 sorts), then rowid. */
type SearchCursor = [rank: number, rowid: number];
const isSearchCursor = (value: unknown): value is SearchCursor =>
  Array.isArray(value) &&
  value.length === 2 &&
  value.every((part) => typeof part === "number" && Number.isFinite(part));

/** The title a teacher gave the lesson: its file name without the extension. */
const assetTitle = (filename: string) => filename.replace(/\.[A-Za-z0-9]{1,16}$/, "") || filename;

interface Row {
  rowid: number;
  rank: number;
  asset_id: string;
  original_filename: string;
  segment_index: number;
  start_seconds: number;
  end_seconds: number;
  language: string | null;
  source: "transcript" | "translation";
  text: string;
}

/**
 * Full-text search over the project's transcripts (or, with `language`, its texts in that language), best
 * first by bm25. The user's words are parsed into quoted terms (search-query.ts) and never reach FTS5 as
 * syntax; the project, source and language confine the matches through the content table, so another
 * project's rows are never ranked, let alone answered.
 */
export async function searchTranscripts(
  db: Database,
  request: SearchRequest,
): Promise<{ hits: SearchHit[]; nextCursor: string | null }> {
  const terms = parseQuery(request.q, request.language);
  const after = request.cursor ? decodeCursor(request.cursor, isSearchCursor) : undefined;
  const rows = await rankedMatches(db, textMatch(terms), {
    projectId: request.projectId,
    language: request.language,
    assetId: request.assetId,
    after,
    limit: request.limit + 1,
  });
  const page = rows.slice(0, request.limit);
  const last = page.at(-1);
  return {
    hits: page.map((row) => ({
      asset_id: row.asset_id,
      asset_title: assetTitle(row.original_filename),
      segment_index: row.segment_index,
      start: row.start_seconds,
      end: row.end_seconds,
      snippet: markedSnippet(row.text, terms),
      score: -row.rank,
      language: row.language,
      source: row.source,
    })),
    nextCursor: rows.length > request.limit && last ? encodeCursor([last.rank, last.rowid]) : null,
  };
}

/**
 * The rows matching an FTS5 expression in the project's searched texts, best first, after `after`: the newest
 * RANKED_CANDIDATES matches are scored (bm25) and sorted. The expression is built to be valid; should FTS5
 * still refuse one, that is the query's fault (422), never a 500.
 */
export async function rankedMatches(
  db: Database,
  match: string,
  options: { projectId: string; language?: string; assetId?: string; after?: SearchCursor; limit: number },
): Promise<Row[]> {
  const r = transcriptSearchRows;
  const { after } = options;
  const texts = options.language ? sql`${r.language} = ${options.language}` : sql`${r.source} = 'transcript'`;
  const query = sql`
    WITH candidates AS (
      SELECT transcript_search.rowid AS rowid, bm25(transcript_search) AS rank
      FROM transcript_search JOIN ${r} ON ${r.id} = transcript_search.rowid
      WHERE transcript_search MATCH ${match} AND ${r.projectId} = ${options.projectId} AND ${texts}
        ${options.assetId ? sql`AND ${r.assetId} = ${options.assetId}` : sql.empty()}
      ORDER BY transcript_search.rowid DESC
      LIMIT ${RANKED_CANDIDATES}
    )
    SELECT c.rowid AS rowid, c.rank AS rank, ${r.assetId} AS asset_id, ${assets.originalFilename} AS original_filename,
      ${r.segmentIndex} AS segment_index, ${r.startSeconds} AS start_seconds, ${r.endSeconds} AS end_seconds,
      ${r.language} AS language, ${r.source} AS source, ${r.text} AS text
    FROM candidates c
    JOIN ${r} ON ${r.id} = c.rowid
    JOIN ${assets} ON ${assets.id} = ${r.assetId}
    ${after ? sql`WHERE c.rank > ${after[0]} OR (c.rank = ${after[0]} AND c.rowid > ${after[1]})` : sql.empty()}
    ORDER BY c.rank, c.rowid
    LIMIT ${options.limit}`;
  try {
    return await db.all<Row>(query);
  } catch (error) {
    if (!/fts5|MATCH/i.test(String(error))) throw error;
    const message = 'The query could not be searched; use words, "phrases" and prefixes (photo*) only';
    throw new DomainError("INVALID_INPUT", message, {
      details: [{ path: "query.q", message, code: "unsearchable_query" }],
      cause: error,
    });
  }
}
