import { useState } from "hono/jsx/dom";
import { Upload } from "tus-js-client";
import type { Session } from "../session";

// A multiple of 5 MiB, so every PATCH fills whole R2 parts; large enough that few requests carry a lesson.
const CHUNK_BYTES = 20 * 1024 * 1024;

interface Transfer {
  id: number;
  name: string;
  sent: number;
  total: number;
  state: "uploading" | "paused" | "done" | "failed";
  error?: string;
  upload: Upload;
}

/**
 * Drag-and-drop (or choose) video uploads through tus: resumable, with progress, pause and resume. tus-js-client
 * remembers each file's upload URL in localStorage (the URL alone grants nothing), so after a reload the same
 * file picks up from the offset the server holds instead of starting again.
 */
export function Uploader({ session, onUploaded }: { session: Session; onUploaded: () => void }) {
  const [transfers, setTransfers] = useState<Transfer[]>([]);
  const [over, setOver] = useState(false);
  const update = (id: number, change: Partial<Transfer>) =>
    setTransfers((all) => all.map((t) => (t.id === id ? { ...t, ...change } : t)));

  const start = async (file: File) => {
    const id = Date.now() + Math.random();
    const upload = new Upload(file, {
      endpoint: `/projects/${encodeURIComponent(session.projectId)}/uploads`,
      headers: { authorization: `Bearer ${session.key}` },
      chunkSize: CHUNK_BYTES,
      retryDelays: [0, 1000, 3000, 5000],
      metadata: { filename: file.name, filetype: file.type || "video/mp4" },
      removeFingerprintOnSuccess: true,
      onProgress: (sent, total) => update(id, { sent, total }),
      onSuccess: () => {
        update(id, { state: "done", sent: file.size });
        onUploaded();
      },
      onError: (error) => update(id, { state: "failed", error: uploadMessage(error) }),
    });
    setTransfers((all) => [...all, { id, name: file.name, sent: 0, total: file.size, state: "uploading", upload }]);
    const previous = await upload.findPreviousUploads();
    if (previous[0]) upload.resumeFromPreviousUpload(previous[0]);
    upload.start();
  };
  const startAll = (files: FileList | null | undefined) => {
    for (const file of Array.from(files ?? [])) void start(file);
  };

  const pause = (t: Transfer) => {
    void t.upload.abort();
    update(t.id, { state: "paused" });
  };
  const resume = (t: Transfer) => {
    t.upload.start();
    update(t.id, { state: "uploading", error: undefined });
  };

  return (
    <div class="uploader">
      {/* Dropping is the mouse path; the file input inside is the keyboard one. */}
      <section
        aria-label="Upload videos"
        class={over ? "dropzone over" : "dropzone"}
        data-testid="dropzone"
        onDragOver={(event: DragEvent) => {
          event.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(event: DragEvent) => {
          event.preventDefault();
          setOver(false);
          startAll(event.dataTransfer?.files);
        }}
      >
        <p>Drop lesson videos here (.mp4, .mov, .avi), or</p>
        <label class="button">
          Choose videos
          <input
            type="file"
            accept="video/mp4,video/quicktime,video/x-msvideo,.mp4,.mov,.avi"
            multiple
            class="visually-hidden"
            onChange={(event: Event) => {
              const input = event.target as HTMLInputElement;
              startAll(input.files);
              input.value = "";
            }}
          />
        </label>
      </section>
      {transfers.length > 0 && (
        <ul class="transfers" aria-label="Uploads">
          {transfers.map((t) => (
            <li key={t.id} data-upload={t.name} data-state={t.state}>
              <span class="transfer-name">{t.name}</span>
              <progress max={t.total || 1} value={t.sent} aria-label={`Upload of ${t.name}`} />
              <span class="transfer-state">
                {t.state === "uploading" ? `${Math.floor((100 * t.sent) / (t.total || 1))}%` : t.state}
              </span>
              {t.state === "uploading" && (
                <button type="button" onClick={() => pause(t)}>
                  Pause <span class="visually-hidden">{t.name}</span>
                </button>
              )}
              {(t.state === "paused" || t.state === "failed") && (
                <button type="button" onClick={() => resume(t)}>
                  Resume <span class="visually-hidden">{t.name}</span>
                </button>
              )}
              {t.error && (
                <p class="card-error" role="alert">
                  {t.error}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The API's own message from a failed tus request (the error envelope), else tus-js-client's. */
function uploadMessage(error: Error): string {
  const body = (error as { originalResponse?: { getBody(): string } | null }).originalResponse?.getBody();
  try {
    const envelope = JSON.parse(body ?? "") as { error?: { code?: string; message?: string; request_id?: string } };
    if (envelope.error?.message) {
      return `${envelope.error.code}: ${envelope.error.message} (request id ${envelope.error.request_id})`;
    }
  } catch {
    // not the envelope
  }
  return error.message;
}
