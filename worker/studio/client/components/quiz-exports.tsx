import { useState } from "hono/jsx/dom";
import { type ApiClient, expectOk } from "../api";
import type { Session } from "../session";
import { ErrorBanner } from "./error-banner";

const FORMATS = [
  { format: "gift", label: "GIFT" },
  { format: "moodle_xml", label: "Moodle XML" },
  { format: "qti", label: "QTI" },
  { format: "vtt", label: "VTT" },
] as const;

/** The name the API gave the attachment (`filename="…"`), or a plain fallback. */
function attachmentName(response: Response, fallback: string): string {
  const header = response.headers.get("content-disposition") ?? "";
  return /filename="([^"]+)"/.exec(header)?.[1] ?? fallback;
}

/**
 * Downloads of the quiz in each export format. The export needs the credential in a header, so the file is
 * fetched through the typed client and saved from a blob URL under the name the API chose.
 */
export function QuizExports({ session, api, quizId }: { session: Session; api: ApiClient; quizId: string }) {
  const [error, setError] = useState<unknown>(null);
  const download = async (format: (typeof FORMATS)[number]["format"]) => {
    setError(null);
    try {
      const call = api.GET("/projects/{project_id}/quizzes/{quiz_id}/export", {
        params: { path: { project_id: session.projectId, quiz_id: quizId }, query: { format } },
        parseAs: "blob",
      });
      const blob = await expectOk(call);
      const url = URL.createObjectURL(blob);
      const link = document.createElement("a");
      link.href = url;
      link.download = attachmentName((await call).response, `quiz.${format}`);
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (problem) {
      setError(problem);
    }
  };
  return (
    <div class="exports">
      <span>Export:</span>
      {FORMATS.map(({ format, label }) => (
        <button type="button" onClick={() => download(format)}>
          {label}
        </button>
      ))}
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
    </div>
  );
}
