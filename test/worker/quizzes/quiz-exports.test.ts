import { XMLParser, XMLValidator } from "fast-xml-parser";
import { unzipSync } from "fflate";
import { type GIFTQuestion, parse as parseGift } from "gift-pegjs";
import { describe, expect, it } from "vitest";
import { WebVTTParser } from "webvtt-parser";
import type { QuizResponse } from "../../../worker/routes/quizzes/schema";
import { api, getQuiz, projectWithQuiz } from "./quiz-kit";

type Question = QuizResponse["questions"][number];

/** A quiz of every type, with a teacher's question full of GIFT and XML special characters, and one rejected. */
async function exportableQuiz() {
  const made = await projectWithQuiz({
    num_questions: 5,
    focus: `[[fake-quiz invented_quote ${crypto.randomUUID()}]]`,
  });
  const res = await api(`/projects/${made.projectId}/quizzes/${made.quizId}/questions`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      type: "multiple_choice",
      stem: 'Ratio {a:b} = #1 ~ "x" <y> & z: which is right?',
      options: [
        { text: "a:b = 1", correct: true },
        { text: "{none}", correct: false },
        { text: "~50% & <more>", correct: false },
      ],
      explanation: "Since a:b means a ÷ b, #yes.",
      evidence: null,
    }),
  });
  expect(res.status, await res.clone().text()).toBe(201);
  await api(`/projects/${made.projectId}/quizzes/${made.quizId}`, {
    method: "PATCH",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ title: "Photosynthesis: Unit 3 / Part B" }),
  });
  const quiz = await getQuiz(made.projectId, made.quizId);
  expect(quiz.rejected.length).toBeGreaterThan(0);
  expect(new Set(quiz.questions.map((q) => q.type)).size).toBe(4);
  return { ...made, quiz };
}

const exportOf = (projectId: string, quizId: string, format: string) =>
  api(`/projects/${projectId}/quizzes/${quizId}/export?format=${format}`);

const correctTexts = (q: Question) => q.options.filter((o) => o.correct).map((o) => o.text);
const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();

function expectAttachment(res: Response, type: string, name: string) {
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toContain(type);
  expect(res.headers.get("content-disposition")).toMatch(
    new RegExp(`^attachment; filename="${name.replace(/\./g, "\\.")}"`),
  );
}

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  parseTagValue: false,
  isArray: (name) =>
    [
      "question",
      "answer",
      "resource",
      "dependency",
      "qti-simple-choice",
      "qti-value",
      "qti-map-entry",
      "qti-assessment-item-ref",
    ].includes(name),
});

describe("quiz exports", { timeout: 60_000 }, () => {
  it("exports GIFT that gift-pegjs parses back into the quiz's questions and keys", async () => {
    const { projectId, quizId, quiz } = await exportableQuiz();
    const res = await exportOf(projectId, quizId, "gift");
    expectAttachment(res, "text/plain", "photosynthesis-unit-3-part-b.gift.txt");
    const parsed = parseGift(await res.text()).filter((q) => q.type !== "Category" && q.type !== "Description");
    expect(parsed).toHaveLength(quiz.questions.length);
    quiz.questions.forEach((q, i) => {
      const g = parsed[i]! as Exclude<GIFTQuestion, { type: "Category" }>;
      expect(g.title).toMatch(new RegExp(`^Q${q.position} `));
      expect(oneLine((g as { stem: { text: string } }).stem.text)).toBe(oneLine(q.stem));
      if (q.explanation)
        expect((g as { globalFeedback: { text: string } }).globalFeedback.text).toBe(oneLine(q.explanation));
      if (q.type === "true_false") {
        expect(g.type).toBe("TF");
        expect((g as { isTrue: boolean }).isTrue).toBe(correctTexts(q)[0] === "True");
      } else if (q.type === "short_answer") {
        expect(g.type).toBe("Short");
        expect((g as { choices: { text: { text: string } }[] }).choices.map((c) => c.text.text)).toEqual(
          q.accepted_answers,
        );
      } else {
        expect(g.type).toBe("MC");
        const choices = (g as { choices: { isCorrect: boolean; weight: number | null; text: { text: string } }[] })
          .choices;
        expect(choices.map((c) => c.text.text)).toEqual(q.options.map((o) => o.text));
        const right = choices.filter((c) => c.isCorrect || (c.weight ?? 0) > 0).map((c) => c.text.text);
        expect(right).toEqual(correctTexts(q));
      }
    });
    const exported = new Set(parsed.map((g) => oneLine((g as { stem: { text: string } }).stem.text)));
    const kept = new Set(quiz.questions.map((q) => oneLine(q.stem)));
    for (const q of quiz.rejected) if (!kept.has(oneLine(q.stem))) expect(exported.has(oneLine(q.stem))).toBe(false);
  });

  it("exports Moodle XML that is well formed and carries each question's type and key", async () => {
    const { projectId, quizId, quiz } = await exportableQuiz();
    const res = await exportOf(projectId, quizId, "moodle_xml");
    expectAttachment(res, "application/xml", "photosynthesis-unit-3-part-b.moodle.xml");
    const body = await res.text();
    expect(XMLValidator.validate(body)).toBe(true);
    const questions = (xml.parse(body) as { quiz: { question: Record<string, unknown>[] } }).quiz.question;
    expect(questions[0]!["@type"]).toBe("category");
    const items = questions.slice(1) as {
      "@type": string;
      questiontext: { text: string };
      single?: string;
      answer: { "@fraction": string; text: string }[];
    }[];
    expect(items).toHaveLength(quiz.questions.length);
    const moodleType = {
      multiple_choice: "multichoice",
      multiple_response: "multichoice",
      true_false: "truefalse",
      short_answer: "shortanswer",
    };
    quiz.questions.forEach((q, i) => {
      const item = items[i]!;
      expect(item["@type"]).toBe(moodleType[q.type]);
      expect(item.questiontext.text).toBe(q.stem);
      const credited = item.answer.filter((a) => Number(a["@fraction"]) > 0).map((a) => a.text);
      if (q.type === "true_false") expect(credited).toEqual([correctTexts(q)[0]!.toLowerCase()]);
      else if (q.type === "short_answer") expect(credited).toEqual(q.accepted_answers);
      else {
        expect(credited).toEqual(correctTexts(q));
        expect(item.single).toBe(q.type === "multiple_choice" ? "true" : "false");
        const total = item.answer
          .filter((a) => Number(a["@fraction"]) > 0)
          .reduce((s, a) => s + Number(a["@fraction"]), 0);
        expect(total).toBeCloseTo(100, 2);
      }
    });
  });

  it("exports a QTI 3.0 package whose manifest lists every item and whose items hold the quiz's keys", async () => {
    const { projectId, quizId, quiz } = await exportableQuiz();
    const res = await exportOf(projectId, quizId, "qti");
    expectAttachment(res, "application/zip", "photosynthesis-unit-3-part-b.qti.zip");
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    const text = (name: string) => new TextDecoder().decode(files[name]);
    for (const name of Object.keys(files)) expect(XMLValidator.validate(text(name)), name).toBe(true);

    const manifest = xml.parse(text("imsmanifest.xml")).manifest;
    const resources = manifest.resources.resource as {
      "@identifier": string;
      "@type": string;
      "@href": string;
      dependency?: { "@identifierref": string }[];
    }[];
    const itemResources = resources.filter((r) => r["@type"] === "imsqti_item_xmlv3p0");
    const testResource = resources.find((r) => r["@type"] === "imsqti_test_xmlv3p0")!;
    expect(itemResources).toHaveLength(quiz.questions.length);
    expect(Object.keys(files).sort()).toEqual([...resources.map((r) => r["@href"]), "imsmanifest.xml"].sort());
    expect(testResource.dependency!.map((d) => d["@identifierref"])).toEqual(
      itemResources.map((r) => r["@identifier"]),
    );

    const test = xml.parse(text(testResource["@href"]))["qti-assessment-test"];
    const refs = test["qti-test-part"]["qti-assessment-section"]["qti-assessment-item-ref"] as {
      "@identifier": string;
      "@href": string;
    }[];
    expect(refs.map((r) => r["@identifier"])).toEqual(quiz.questions.map((q) => `q-${q.id}`));

    quiz.questions.forEach((q, i) => {
      const item = xml.parse(text(refs[i]!["@href"]))["qti-assessment-item"];
      expect(item["@identifier"]).toBe(`q-${q.id}`);
      const declaration = item["qti-response-declaration"];
      const correct = (declaration["qti-correct-response"]["qti-value"] as string[]).map(String);
      const processing = item["qti-response-processing"]["@template"] as string;
      if (q.type === "short_answer") {
        expect(declaration["@base-type"]).toBe("string");
        expect(correct).toEqual(q.accepted_answers.slice(0, 1));
        expect(declaration["qti-mapping"]["qti-map-entry"].map((e: { "@map-key": string }) => e["@map-key"])).toEqual(
          q.accepted_answers,
        );
        expect(processing).toMatch(/map_response\.xml$/);
      } else {
        expect(declaration["@cardinality"]).toBe(q.type === "multiple_response" ? "multiple" : "single");
        expect(correct).toEqual(q.options.filter((o) => o.correct).map((o) => o.id));
        const interaction = item["qti-item-body"]["qti-choice-interaction"];
        expect(String(interaction["qti-prompt"])).toBe(q.stem);
        expect(interaction["qti-simple-choice"].map((c: { "#text": string }) => String(c["#text"]))).toEqual(
          q.options.map((o) => o.text),
        );
        expect(processing).toMatch(/match_correct\.xml$/);
      }
    });
    // The same quiz gives the same package.
    const again = new Uint8Array(await (await exportOf(projectId, quizId, "qti")).arrayBuffer());
    expect(Object.keys(unzipSync(again))).toEqual(Object.keys(files));
  });

  it("exports JSON as the API returns the quiz, without rejected questions", async () => {
    const { projectId, quizId, quiz } = await exportableQuiz();
    const res = await exportOf(projectId, quizId, "json");
    expectAttachment(res, "application/json", "photosynthesis-unit-3-part-b.json");
    const body = (await res.json()) as Record<string, unknown>;
    expect(body.rejected).toBeUndefined();
    const { rejected: _rejected, ...expected } = quiz;
    expect(body).toEqual(expected);
  });

  it("exports a WebVTT metadata track with one cue per question at the end of its evidence", async () => {
    const { projectId, quizId, quiz } = await exportableQuiz();
    const res = await exportOf(projectId, quizId, "vtt");
    expectAttachment(res, "text/vtt", "photosynthesis-unit-3-part-b.vtt");
    const { cues, errors } = new WebVTTParser().parse(await res.text(), "metadata");
    expect(errors).toEqual([]);
    const timed = quiz.questions.filter((q) => q.evidence !== null);
    expect(timed.length).toBe(quiz.questions.length - 1);
    expect(cues).toHaveLength(timed.length);
    for (const cue of cues) {
      const payload = JSON.parse(cue.text) as { id: string; stem: string };
      const q = timed.find((t) => t.id === payload.id)!;
      expect(cue.id).toBe(q.id);
      expect(payload.stem).toBe(q.stem);
      expect(cue.startTime).toBeCloseTo(q.evidence!.end, 3);
      expect(cue.endTime).toBeGreaterThan(cue.startTime);
    }
  });

  it("refuses an unknown format and an unknown quiz", async () => {
    const { projectId, quizId } = await projectWithQuiz();
    const bad = await exportOf(projectId, quizId, "docx");
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { error: { details: { path: string }[] } }).error.details[0]!.path).toBe(
      "query.format",
    );
    expect((await api(`/projects/${projectId}/quizzes/${quizId}/export`)).status).toBe(422);
    expect((await exportOf(projectId, crypto.randomUUID(), "gift")).status).toBe(404);
  });
});
