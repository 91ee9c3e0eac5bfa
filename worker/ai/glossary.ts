import { eq } from "drizzle-orm";
import type { Database } from "../db/client";
import { glossaries } from "../db/schema/glossaries";

/** The transcription op's `prompt` limit (container/src/protocol/transcribe-contract.ts). */
export const WHISPER_PROMPT_MAX_CHARS = 2000;
export const GLOSSARY_MAX_TERMS = 200;
export const GLOSSARY_TERM_MAX_CHARS = 100;

export interface Glossary {
  projectId: string;
  terms: string[];
  createdAt: string | null;
  updatedAt: string | null;
}

/** The project's glossary; a project that never set one has an empty one. */
export async function getGlossary(db: Database, projectId: string): Promise<Glossary> {
  const [row] = await db.select().from(glossaries).where(eq(glossaries.projectId, projectId)).limit(1);
  return row
    ? { projectId, terms: row.terms, createdAt: row.createdAt, updatedAt: row.updatedAt }
    : { projectId, terms: [], createdAt: null, updatedAt: null };
}

/** Replaces the project's glossary (the terms already validated by the route's schema). */
export async function putGlossary(db: Database, projectId: string, terms: string[]): Promise<Glossary> {
  const now = new Date().toISOString();
  await db
    .insert(glossaries)
    .values({ projectId, terms, createdAt: now, updatedAt: now })
    .onConflictDoUpdate({ target: glossaries.projectId, set: { terms, updatedAt: now } });
  return getGlossary(db, projectId);
}

/**
 * Whisper's prompt from the job's own prompt and the project's glossary: the job's prompt as given, then
 * "Glossary: term, term." with as many terms, in the glossary's order, as fit the prompt limit. Whisper reads
 * a prompt as text said just before the audio, so spellings in it are the ones it prefers.
 */
export function whisperPrompt(
  prompt: string | undefined,
  terms: readonly string[],
): { prompt: string | undefined; termsUsed: number } {
  const base = prompt?.trim() ? prompt : "";
  if (terms.length === 0) return { prompt: prompt, termsUsed: 0 };
  const room = WHISPER_PROMPT_MAX_CHARS - base.length - (base ? 1 : 0) - "Glossary: .".length;
  const kept: string[] = [];
  let length = 0;
  for (const term of terms) {
    const added = term.length + (kept.length > 0 ? 2 : 0);
    if (length + added > room) break;
    kept.push(term);
    length += added;
  }
  if (kept.length === 0) return { prompt: prompt, termsUsed: 0 };
  const glossary = `Glossary: ${kept.join(", ")}.`;
  return { prompt: base ? `${base} ${glossary}` : glossary, termsUsed: kept.length };
}
