/** The chat side of the fake: checks a strict json_schema request and answers scenes read off the prompt. */

export interface PromptFacts {
  segments: { start: number; end: number; text: string }[];
  duration: number;
  maxScenes: number;
}

const LINE_RE = /^\[(\d+(?:\.\d+)?) - (\d+(?:\.\d+)?)\] (.*)$/;

export function readPrompt(user: string): PromptFacts {
  const segments: PromptFacts["segments"] = [];
  for (const line of user.split("\n")) {
    const m = LINE_RE.exec(line.trim());
    if (m) segments.push({ start: Number(m[1]), end: Number(m[2]), text: m[3] ?? "" });
  }
  const duration = Number(/duration: (\d+(?:\.\d+)?) seconds/i.exec(user)?.[1] ?? segments.at(-1)?.end ?? 0);
  const maxScenes = Number(/at most (\d+) scenes/i.exec(user)?.[1] ?? 5);
  return { segments, duration, maxScenes };
}

/** What the real API says when a strict schema breaks the structured-outputs rules; null when it is fine. */
export function strictSchemaProblem(responseFormat: unknown): string | null {
  const format = responseFormat as {
    type?: string;
    json_schema?: { name?: string; strict?: boolean; schema?: unknown };
  };
  if (format?.type !== "json_schema") return null;
  if (!format.json_schema?.name) return "Missing required parameter: 'response_format.json_schema.name'.";
  if (format.json_schema.strict !== true) return null;
  const walk = (node: unknown, at: string): string | null => {
    const schema = node as {
      type?: string;
      properties?: Record<string, unknown>;
      required?: string[];
      additionalProperties?: unknown;
      items?: unknown;
    };
    if (schema?.type === "object") {
      if (schema.additionalProperties !== false) {
        return `Invalid schema for response_format '${format.json_schema?.name}': In context=${at}, 'additionalProperties' is required to be supplied and to be false.`;
      }
      const keys = Object.keys(schema.properties ?? {});
      const missing = keys.filter((key) => !schema.required?.includes(key));
      if (missing.length) {
        return `Invalid schema for response_format '${format.json_schema?.name}': In context=${at}, 'required' is required to be supplied and to be an array including every key in properties. Missing '${missing[0]}'.`;
      }
      for (const key of keys) {
        const problem = walk(schema.properties?.[key], `${at}, 'properties', '${key}'`);
        if (problem) return problem;
      }
    }
    if (schema?.type === "array" && schema.items) return walk(schema.items, `${at}, 'items'`);
    return null;
  };
  return walk(format.json_schema.schema, "()");
}

/** Plausible scenes: the transcript split into up to maxScenes runs of consecutive segments. */
export function scenesFromPrompt(facts: PromptFacts) {
  const { segments } = facts;
  const count = Math.min(facts.maxScenes, Math.ceil(segments.length / 2));
  const size = count > 0 ? Math.ceil(segments.length / count) : 0;
  const scenes = [];
  for (let i = 0; i < count; i++) {
    const group = segments.slice(i * size, (i + 1) * size);
    const first = group[0];
    const last = group.at(-1);
    if (!first || !last) continue;
    scenes.push({
      title: first.text.split(" ").slice(0, 6).join(" "),
      description: `Covers ${group.length} transcript line(s) starting with: ${first.text}`,
      start: first.start,
      end: last.end,
      confidence: Math.max(0.3, 0.92 - i * 0.07),
      tags: ["lesson", `part-${i + 1}`],
      priority: ((i * 3) % count) + 1,
    });
  }
  return scenes;
}

/** Scenes that break every rule the service must repair. */
export function outOfRangeScenes(facts: PromptFacts) {
  const d = facts.duration;
  const first = facts.segments[0] ?? { start: 0, end: Math.min(d, 1) };
  const scene = (title: string, start: number, end: number, priority: number) => ({
    title,
    description: `${title} scene`,
    start,
    end,
    confidence: 0.8,
    tags: ["test"],
    priority,
  });
  return [
    scene("Before the start", -30, -5, 1),
    scene("After the end", d + 10, d + 60, 1),
    scene("Backwards", Math.min(d, 5), Math.max(0, Math.min(d, 5) - 2), 1),
    scene("Overhanging", -2, d * 3, 3),
    scene("Valid", first.start, first.end, 2),
    scene("Valid twin", first.start + 0.01, first.end, 4),
  ];
}

/** The scene answer's content: as the behaviour asks, else scenes read off the prompt. */
export function sceneAnswer(facts: PromptFacts, behaviour: { kind: string; scenes?: unknown[] } | undefined): string {
  if (behaviour?.kind === "invalid_json") return '{"scenes": [{"title": "Unclosed", "start": 1,';
  if (behaviour?.kind === "out_of_range_scenes") return JSON.stringify({ scenes: outOfRangeScenes(facts) });
  if (behaviour?.kind === "scenes") return JSON.stringify({ scenes: behaviour.scenes ?? [] });
  return JSON.stringify({ scenes: scenesFromPrompt(facts) });
}
