import type { StoredQuestion } from "../quiz-records";
import { correctIds, itemIdentifier, xmlText } from "./quiz-document";

export const QTI_NAMESPACE = "http://www.imsglobal.org/xsd/imsqtiasi_v3p0";
const SCHEMA_LOCATION = `${QTI_NAMESPACE} https://purl.imsglobal.org/spec/qti/v3p0/schema/xsd/imsqti_asiv3p0_v1p0.xsd`;
const TEMPLATES = "https://purl.imsglobal.org/spec/qti/v3p0/rptemplates";

const values = (ids: readonly string[]) => ids.map((id) => `<qti-value>${xmlText(id)}</qti-value>`).join("");

function choiceItem(question: StoredQuestion): { declaration: string; body: string; processing: string } {
  const single = question.type !== "multiple_response";
  const choices = question.options
    .map((o) => `      <qti-simple-choice identifier="${xmlText(o.id)}">${xmlText(o.text)}</qti-simple-choice>`)
    .join("\n");
  return {
    declaration:
      `  <qti-response-declaration identifier="RESPONSE" cardinality="${single ? "single" : "multiple"}" base-type="identifier">\n` +
      `    <qti-correct-response>${values(correctIds(question))}</qti-correct-response>\n` +
      "  </qti-response-declaration>",
    body:
      `    <qti-choice-interaction response-identifier="RESPONSE" shuffle="false" max-choices="${single ? 1 : 0}">\n` +
      `      <qti-prompt>${xmlText(question.stem)}</qti-prompt>\n${choices}\n    </qti-choice-interaction>`,
    processing: `  <qti-response-processing template="${TEMPLATES}/match_correct.xml"/>`,
  };
}

/** Short answers: the first accepted answer is the correct response; the mapping credits every accepted one. */
function textEntryItem(question: StoredQuestion): { declaration: string; body: string; processing: string } {
  const entries = question.acceptedAnswers
    .map((a) => `      <qti-map-entry map-key="${xmlText(a)}" mapped-value="1" case-sensitive="false"/>`)
    .join("\n");
  return {
    declaration:
      '  <qti-response-declaration identifier="RESPONSE" cardinality="single" base-type="string">\n' +
      `    <qti-correct-response>${values(question.acceptedAnswers.slice(0, 1))}</qti-correct-response>\n` +
      `    <qti-mapping default-value="0" lower-bound="0" upper-bound="1">\n${entries}\n    </qti-mapping>\n` +
      "  </qti-response-declaration>",
    body:
      `    <p>${xmlText(question.stem)}</p>\n` +
      '    <p><qti-text-entry-interaction response-identifier="RESPONSE" expected-length="30"/></p>',
    processing: `  <qti-response-processing template="${TEMPLATES}/map_response.xml"/>`,
  };
}

/** One qti-assessment-item document for a question. */
export function renderQtiItem(question: StoredQuestion, language: string): string {
  const part = question.type === "short_answer" ? textEntryItem(question) : choiceItem(question);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<qti-assessment-item xmlns="${QTI_NAMESPACE}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"`,
    `  xsi:schemaLocation="${SCHEMA_LOCATION}"`,
    `  identifier="${itemIdentifier(question)}" title="${xmlText(`Question ${question.position}`)}" adaptive="false" time-dependent="false" xml:lang="${xmlText(language)}">`,
    part.declaration,
    '  <qti-outcome-declaration identifier="SCORE" cardinality="single" base-type="float">',
    "    <qti-default-value><qti-value>0</qti-value></qti-default-value>",
    "  </qti-outcome-declaration>",
    `  <qti-item-body>\n${part.body}\n  </qti-item-body>`,
    part.processing,
    "</qti-assessment-item>",
    "",
  ].join("\n");
}
