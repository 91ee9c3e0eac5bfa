import { renderGift } from "./gift";
import { renderMoodleXml } from "./moodle-xml";
import { renderQtiPackage } from "./qti-package";
import type { QuizDocument } from "./quiz-document";
import { renderVtt } from "./vtt";

export const EXPORT_FORMATS = ["gift", "moodle_xml", "qti", "json", "vtt"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The non-JSON formats; `json` is the API's own quiz body, which the route renders. */
export const FILE_EXPORTS: Record<
  Exclude<ExportFormat, "json">,
  { contentType: string; extension: string; render: (doc: QuizDocument) => string | Uint8Array }
> = {
  gift: { contentType: "text/plain; charset=utf-8", extension: "gift.txt", render: renderGift },
  moodle_xml: { contentType: "application/xml; charset=utf-8", extension: "moodle.xml", render: renderMoodleXml },
  qti: { contentType: "application/zip", extension: "qti.zip", render: renderQtiPackage },
  vtt: { contentType: "text/vtt; charset=utf-8", extension: "vtt", render: renderVtt },
};

/** A file name from the quiz title: ASCII letters and digits joined by '-', never empty. */
export function exportFileName(title: string, extension: string): string {
  const stem = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/, "");
  return `${stem || "quiz"}.${extension}`;
}

// encodeURIComponent leaves ' ( ) * as they are; RFC 5987 values may not hold them.
const rfc5987 = (value: string) =>
  encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** Content-Disposition with the ASCII name and the title's own characters (RFC 6266 filename*). */
export function attachment(title: string, extension: string): string {
  const printable = Array.from(title, (c) => (c < " " ? " " : c)).join("");
  const readable = `${
    printable
      .replace(/[\\/:*?"<>|]+/g, " ")
      .trim()
      .slice(0, 120) || "quiz"
  }.${extension}`;
  return `attachment; filename="${exportFileName(title, extension)}"; filename*=UTF-8''${rfc5987(readable)}`;
}
