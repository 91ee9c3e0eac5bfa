import { DomainError } from "../domain-error";
import { foldToken, isStopWord } from "./stop-words";

/** A query is at most this many words and phrases: each one more is another doclist to intersect. */
export const MAX_QUERY_TERMS = 12;
/** A prefix (`photo*`) shorter than this would expand to a large share of the vocabulary. */
export const MIN_PREFIX_CHARS = 2;

/** A word or a quoted phrase, with `*` after it for a prefix (the phrase's last word). */
export interface QueryTerm {
  tokens: string[];
  phrase: boolean;
  prefix: boolean;
}

// The characters unicode61 keeps in tokens; everything else separates them, in the query as in the index.
export const TOKEN_RE = /[\p{L}\p{N}\p{M}]+/gu;

const tokensOf = (text: string) => text.normalize("NFC").match(TOKEN_RE) ?? [];

const invalid = (message: string, code: string) =>
  new DomainError("INVALID_INPUT", message, { details: [{ path: "query.q", message, code }] });

/**
 * Reads what a user typed: words, "quoted phrases" and prefixes (`photo*`, `"light reac"*`); any other
 * character only separates words, so nothing the user types is FTS5 syntax. Stop words are left out of the
 * query, except inside phrases, where word order needs them.
 */
export function parseQuery(q: string, language?: string): QueryTerm[] {
  const terms: QueryTerm[] = [];
  // Words joined by punctuation ("Krebs-cycle") are a phrase, as the index splits them the same way.
  const add = (text: string, quoted: boolean, prefix: boolean) => {
    const tokens = tokensOf(text);
    if (tokens.length === 0) return;
    if (!prefix && tokens.every((token) => isStopWord(foldToken(token), language))) return;
    terms.push({ tokens, phrase: quoted || tokens.length > 1, prefix });
  };
  // Quotes split the input into bare text and phrases; an unclosed quote runs to the end.
  const parts = q.split('"');
  parts.forEach((part, i) => {
    const quoted = i % 2 === 1;
    if (quoted) {
      const prefix = parts[i + 1]?.startsWith("*") ?? false;
      add(part, true, prefix);
      return;
    }
    // In bare text, `word*` is a prefix; a `*` right after a closing quote belonged to the phrase.
    const text = i > 0 && part.startsWith("*") ? part.slice(1) : part;
    for (const chunk of text.split(/\s+/)) add(chunk.replace(/\*+$/, ""), false, /\S\*+$/.test(chunk));
  });
  const short = terms.find((term) => term.prefix && [...(term.tokens.at(-1) ?? "")].length < MIN_PREFIX_CHARS);
  if (short) {
    throw invalid(`A prefix needs at least ${MIN_PREFIX_CHARS} letters: '${short.tokens.at(-1)}*'`, "prefix_too_short");
  }
  if (terms.length === 0) {
    throw invalid("The query has nothing to search for: only stop words or punctuation", "no_search_terms");
  }
  if (terms.length > MAX_QUERY_TERMS) {
    throw invalid(
      `The query has ${terms.length} words and phrases; at most ${MAX_QUERY_TERMS} are searched`,
      "too_many_terms",
    );
  }
  return terms;
}

/**
 * The FTS5 expression for the terms, confined to the `text` column: every term must occur (AND). Tokens are
 * letters, digits and marks only, and each is quoted, so the expression is well-formed whatever the input.
 */
export function textMatch(terms: readonly QueryTerm[]): string {
  const parts = terms.map((term) => `"${term.tokens.join(" ")}"${term.prefix ? " *" : ""}`);
  return `text : (${parts.join(" AND ")})`;
}
