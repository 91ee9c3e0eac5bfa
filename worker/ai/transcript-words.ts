import { and, eq } from "drizzle-orm";
import type { TranscribeResult } from "../../container/src/protocol/transcribe-contract";
import type { TranscriptWord } from "../../container/src/subtitles/word";
import { storageObjects } from "../db/schema/storage-objects";
import { DomainError } from "../domain-error";
import { deleteTrackedObjects, objectKey, putTrackedObject, type StorageDeps } from "../storage";
import { type StoredTranscript, saveTranscript } from "./transcript-store";

/**
 * Word timings live in R2, one JSON object per transcript, tracked like every other file (under `processed/`,
 * owned by the asset, so they count in the storage statistics and go with the asset). An hour of speech is
 * about 9,000 words, 300-600 KB: too much for D1, whose rows stop at 2 MB (a long lesson would not fit) and whose
 * database is the service's whole metadata store (10 GB); and only captions and `granularity=word` read them.
 */
const WORDS_FORMAT = "words-v1";
const wordsName = (transcriptId: string) => `transcript-${transcriptId}.words.json`;

/** `[start, end, word, segment_index]` per word: half the size of objects with field names. */
type PackedWord = [number, number, string, number];

function encodeWords(words: readonly TranscriptWord[]): string {
  const packed = words.map((w): PackedWord => [w.start, w.end, w.word, w.segment_index]);
  return JSON.stringify({ format: WORDS_FORMAT, words: packed });
}

/**
 * Stores a transcript with its words: the words object first, then the transcript row (which counts them);
 * if the row cannot be written the object is removed again. Afterwards the words of the transcripts it
 * replaced are deleted.
 */
export async function storeTranscript(
  deps: StorageDeps,
  input: {
    projectId: string;
    assetId: string;
    result: Omit<TranscribeResult, "audio">;
    metadata: Record<string, unknown>;
  },
): Promise<StoredTranscript> {
  const { projectId, assetId } = input;
  const { words, ...result } = input.result;
  const id = crypto.randomUUID();
  let wordsKey: string | null = null;
  if (words) {
    const stored = await putTrackedObject(deps, {
      projectId,
      category: "processed",
      name: wordsName(id),
      assetId,
      body: encodeWords(words),
      contentType: "application/json",
    });
    wordsKey = stored.key;
  }
  let transcript: StoredTranscript;
  try {
    transcript = await saveTranscript(deps.db, {
      id,
      projectId,
      assetId,
      result,
      wordCount: words?.length ?? null,
      metadata: input.metadata,
    });
  } catch (error) {
    if (wordsKey) await deleteTrackedObjects(deps, [wordsKey]).catch(() => undefined);
    throw error;
  }
  // Filtered here, not with LIKE: D1 refuses LIKE patterns over 50 bytes, and an asset has few objects.
  const keep = objectKey(projectId, "processed", wordsName(id));
  const prefix = objectKey(projectId, "processed", "transcript-");
  const owned = await deps.db
    .select({ key: storageObjects.key })
    .from(storageObjects)
    .where(and(eq(storageObjects.projectId, projectId), eq(storageObjects.assetId, assetId)));
  const stale = owned
    .map((row) => row.key)
    .filter((key) => key !== keep && key.startsWith(prefix) && key.endsWith(".words.json"));
  if (stale.length > 0) await deleteTrackedObjects(deps, stale);
  return transcript;
}

/** The transcript's words, or null when it has none. */
export async function readTranscriptWords(
  bucket: R2Bucket,
  transcript: Pick<StoredTranscript, "id" | "projectId" | "wordCount">,
): Promise<TranscriptWord[] | null> {
  if (transcript.wordCount === null) return null;
  const object = await bucket.get(objectKey(transcript.projectId, "processed", wordsName(transcript.id)));
  if (!object) {
    throw new DomainError("UNAVAILABLE", "The transcript's word timings are missing from storage; try again", {
      retryAfterSeconds: 5,
    });
  }
  const { words } = await object.json<{ format: string; words: PackedWord[] }>();
  return words.map(([start, end, word, segment_index]) => ({ start, end, word, segment_index }));
}
