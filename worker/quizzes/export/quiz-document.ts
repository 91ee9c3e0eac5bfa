import type { StoredQuestion, StoredQuiz } from "../quiz-records";

/** What every export renders: the quiz and its kept questions in order (rejected ones are never exported). */
export interface QuizDocument {
  quiz: StoredQuiz;
  questions: StoredQuestion[];
}

/** Single-line text: exports put stems and options on one line each, and teachers' text may hold newlines. */
export const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();

/** The correct options' ids, in option order. */
export const correctIds = (question: StoredQuestion) => question.options.filter((o) => o.correct).map((o) => o.id);

/** An XML identifier (NCName) for a question: ids are UUIDs, which may start with a digit. */
export const itemIdentifier = (question: StoredQuestion) => `q-${question.id}`;

const XML_ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

// Tab, newline, carriage return and everything from space up, but the two non-characters.
const allowedInXml = (code: number) => code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code < 0xfffe);

/** Text and attribute values for XML; characters XML 1.0 cannot carry at all are dropped. */
export const xmlText = (text: string) =>
  Array.from(text)
    .filter((c) => allowedInXml(c.codePointAt(0)!))
    .join("")
    .replace(/[&<>"']/g, (c) => XML_ENTITIES[c]!);
