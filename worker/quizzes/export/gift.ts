import type { StoredQuestion } from "../quiz-records";
import { oneLine, type QuizDocument } from "./quiz-document";

/** GIFT's special characters are taken literally only when escaped with a backslash. */
const gift = (text: string) => oneLine(text).replace(/([~=#{}:\\])/g, "\\$1");

// Weights Moodle accepts for a share of the mark (100/n rounded as its own grade list does).
const share = (n: number) => Number((100 / n).toFixed(5));

function answers(question: StoredQuestion): string[] {
  switch (question.type) {
    case "true_false": {
      const isTrue = question.options.some((o) => o.correct && o.text === "True");
      return [isTrue ? "TRUE" : "FALSE"];
    }
    case "short_answer":
      return question.acceptedAnswers.map((answer) => `=${gift(answer)}`);
    case "multiple_response": {
      const weight = share(question.options.filter((o) => o.correct).length);
      return question.options.map((o) => `~%${o.correct ? weight : -100}%${gift(o.text)}`);
    }
    case "multiple_choice":
      return question.options.map((o) => `${o.correct ? "=" : "~"}${gift(o.text)}`);
  }
}

function renderQuestion(question: StoredQuestion): string {
  const feedback = question.explanation.trim() ? [`####${gift(question.explanation)}`] : [];
  const body = [...answers(question), ...feedback].map((line) => `  ${line}`).join("\n");
  const title = `Q${question.position} ${oneLine(question.stem).slice(0, 60)}`;
  return `// ${question.type}, position ${question.position}, id ${question.id}\n::${gift(title)}::${gift(question.stem)} {\n${body}\n}`;
}

/** Moodle GIFT text: one `::title::` question per kept question, feedback from the explanation. */
export function renderGift(doc: QuizDocument): string {
  const header = `// ${oneLine(doc.quiz.title)}\n$CATEGORY: $course$/${gift(doc.quiz.title).replace(/\//g, "-")}`;
  return `${[header, ...doc.questions.map(renderQuestion)].join("\n\n")}\n`;
}
