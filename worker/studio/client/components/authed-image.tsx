import { useEffect, useState } from "hono/jsx/dom";
import type { Session } from "../session";

/**
 * An image from an API path that needs the credential: <img src> cannot send an Authorization header, so the
 * bytes are fetched with it and shown from a blob URL (posters are small).
 */
export function AuthedImage({ session, path, alt }: { session: Session; path: string | null; alt: string }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!path) return;
    let objectUrl: string | null = null;
    let cancelled = false;
    fetch(path, { headers: { authorization: `Bearer ${session.key}` } })
      .then((res) => (res.ok ? res.blob() : null))
      .then((blob) => {
        if (!blob || cancelled) return;
        objectUrl = URL.createObjectURL(blob);
        setUrl(objectUrl);
      })
      .catch(() => {});
    return () => {
      cancelled = true;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [path, session.key]);
  return url ? <img src={url} alt={alt} /> : <div class="poster-loading" role="img" aria-label={alt} />;
}
