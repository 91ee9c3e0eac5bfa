import { type QueryTerm, TOKEN_RE } from "./search-query";
import { foldToken } from "./stop-words";

/** Words of context a snippet shows; a longer segment is cut around its first match. */
const SNIPPET_TOKENS = 32;
/** Words kept before the first match when a segment is cut. */
const LEAD_TOKENS = 8;

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

interface Span {
  start: number;
  end: number;
  folded: string;
}

/** Token index ranges [first, last] where a term occurs: a phrase in order, a prefix on its last word. */
function occurrences(spans: readonly Span[], term: QueryTerm): [number, number][] {
  const wanted = term.tokens.map(foldToken);
  const found: [number, number][] = [];
  for (let i = 0; i + wanted.length <= spans.length; i++) {
    const hit = wanted.every((token, j) => {
      const folded = (spans[i + j] as Span).folded;
      return term.prefix && j === wanted.length - 1 ? folded.startsWith(token) : folded === token;
    });
    if (hit) found.push([i, i + wanted.length - 1]);
  }
  return found;
}

/**
 * The segment's text, HTML-escaped, with every occurrence of the query's words and phrases in `<mark>` (a
 * phrase as one mark). Tokens are compared as the index compares them: without case or accents. Built here
 * rather than with FTS5's snippet(), which would run the query's MATCH again for each hit.
 */
export function markedSnippet(text: string, terms: readonly QueryTerm[]): string {
  const composed = text.normalize("NFC");
  const spans: Span[] = [...composed.matchAll(TOKEN_RE)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    folded: foldToken(m[0]),
  }));
  const marked = new Array<boolean>(spans.length).fill(false);
  const starts = new Set<number>();
  for (const term of terms) {
    for (const [first, last] of occurrences(spans, term)) {
      starts.add(first);
      for (let i = first; i <= last; i++) marked[i] = true;
    }
  }
  const firstHit = Math.max(0, marked.indexOf(true));
  const from =
    spans.length > SNIPPET_TOKENS ? Math.max(0, Math.min(firstHit - LEAD_TOKENS, spans.length - SNIPPET_TOKENS)) : 0;
  const to = Math.min(spans.length, from + SNIPPET_TOKENS);
  let out = from > 0 ? "…" : "";
  let at = from > 0 ? (spans[from] as Span).start : 0;
  for (let i = from; i < to; i++) {
    const span = spans[i] as Span;
    out += escapeHtml(composed.slice(at, span.start));
    // A mark runs over the words of one occurrence, and the spaces between them.
    const opens = marked[i] && (!marked[i - 1] || starts.has(i) || i === from);
    const closes = marked[i] && (!marked[i + 1] || starts.has(i + 1) || i === to - 1);
    out += `${opens ? "<mark>" : ""}${escapeHtml(composed.slice(span.start, span.end))}${closes ? "</mark>" : ""}`;
    at = span.end;
  }
  const end = to < spans.length ? (spans[to - 1] as Span).end : composed.length;
  out += escapeHtml(composed.slice(at, end));
  return to < spans.length ? `${out}…` : out;
}
