import type { StoredQuestion } from "../quiz-records";
import type { QuizDocument } from "./quiz-document";
import { oneLine, xmlText } from "./quiz-document";

const text = (value: string) => `<text>${xmlText(value)}</text>`;
const MOODLE_TYPES = {
  multiple_choice: "multichoice",
  multiple_response: "multichoice",
  true_false: "truefalse",
  short_answer: "shortanswer",
} as const;

function answer(fraction: number, value: string): string {
  return `    <answer fraction="${fraction}" format="plain_text">${text(value)}<feedback format="plain_text"><text></text></feedback></answer>`;
}

function answerLines(question: StoredQuestion): string[] {
  switch (question.type) {
    case "true_false": {
      const isTrue = question.options.some((o) => o.correct && o.text === "True");
      return [answer(isTrue ? 100 : 0, "true"), answer(isTrue ? 0 : 100, "false")];
    }
    case "short_answer":
      return ["    <usecase>0</usecase>", ...question.acceptedAnswers.map((a) => answer(100, a))];
    case "multiple_response": {
      const share = Number((100 / question.options.filter((o) => o.correct).length).toFixed(5));
      return [
        "    <single>false</single>",
        "    <shuffleanswers>0</shuffleanswers>",
        "    <answernumbering>abc</answernumbering>",
        ...question.options.map((o) => answer(o.correct ? share : -100, o.text)),
      ];
    }
    case "multiple_choice":
      return [
        "    <single>true</single>",
        "    <shuffleanswers>0</shuffleanswers>",
        "    <answernumbering>abc</answernumbering>",
        ...question.options.map((o) => answer(o.correct ? 100 : 0, o.text)),
      ];
  }
}

function renderQuestion(question: StoredQuestion): string {
  return [
    `  <question type="${MOODLE_TYPES[question.type]}">`,
    `    <name>${text(`Q${question.position} ${oneLine(question.stem).slice(0, 60)}`)}</name>`,
    `    <questiontext format="plain_text">${text(question.stem)}</questiontext>`,
    `    <generalfeedback format="plain_text">${text(question.explanation)}</generalfeedback>`,
    "    <defaultgrade>1</defaultgrade>",
    "    <penalty>0</penalty>",
    "    <hidden>0</hidden>",
    `    <idnumber>${xmlText(question.id)}</idnumber>`,
    ...answerLines(question),
    "  </question>",
  ].join("\n");
}

/** Moodle XML for a question bank import: a category named after the quiz, then one question per kept one. */
export function renderMoodleXml(doc: QuizDocument): string {
  const category = `  <question type="category">\n    <category>${text(`$course$/${oneLine(doc.quiz.title)}`)}</category>\n  </question>`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n${[category, ...doc.questions.map(renderQuestion)].join("\n")}\n</quiz>\n`;
}
