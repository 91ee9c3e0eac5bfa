import { strToU8, zipSync } from "fflate";
import { QTI_NAMESPACE, renderQtiItem } from "./qti-item";
import { itemIdentifier, type QuizDocument, xmlText } from "./quiz-document";

const TEST_FILE = "assessment-test.xml";
const itemFile = (identifier: string) => `items/${identifier}.xml`;

function renderTest(doc: QuizDocument): string {
  const refs = doc.questions
    .map((q) => {
      const id = itemIdentifier(q);
      return `        <qti-assessment-item-ref identifier="${id}" href="${itemFile(id)}"/>`;
    })
    .join("\n");
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<qti-assessment-test xmlns="${QTI_NAMESPACE}" identifier="test-${doc.quiz.id}" title="${xmlText(doc.quiz.title)}">`,
    '  <qti-test-part identifier="part-1" navigation-mode="linear" submission-mode="individual">',
    `    <qti-assessment-section identifier="section-1" title="${xmlText(doc.quiz.title)}" visible="true">`,
    refs,
    "    </qti-assessment-section>",
    "  </qti-test-part>",
    "</qti-assessment-test>",
    "",
  ].join("\n");
}

function renderManifest(doc: QuizDocument): string {
  const ids = doc.questions.map(itemIdentifier);
  const resource = (id: string, type: string, href: string, extra = "") =>
    `    <resource identifier="${id}" type="${type}" href="${href}">\n      <file href="${href}"/>${extra}\n    </resource>`;
  const dependencies = ids.map((id) => `\n      <dependency identifierref="${id}"/>`).join("");
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<manifest xmlns="http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1" identifier="manifest-${doc.quiz.id}">`,
    "  <metadata>\n    <schema>QTI Package</schema>\n    <schemaversion>3.0.0</schemaversion>\n  </metadata>",
    "  <organizations/>",
    "  <resources>",
    resource(`test-${doc.quiz.id}`, "imsqti_test_xmlv3p0", TEST_FILE, dependencies),
    ...ids.map((id) => resource(id, "imsqti_item_xmlv3p0", itemFile(id))),
    "  </resources>",
    "</manifest>",
    "",
  ].join("\n");
}

/** A QTI 3.0 content package: imsmanifest.xml, an assessment test that orders the items, one file per item. */
export function renderQtiPackage(doc: QuizDocument): Uint8Array {
  const files: Record<string, Uint8Array> = {
    "imsmanifest.xml": strToU8(renderManifest(doc)),
    [TEST_FILE]: strToU8(renderTest(doc)),
  };
  for (const q of doc.questions) files[itemFile(itemIdentifier(q))] = strToU8(renderQtiItem(q, doc.quiz.language));
  // A fixed date: the same quiz gives the same bytes.
  return zipSync(files, { level: 6, mtime: new Date("2000-01-01T00:00:00Z") });
}
