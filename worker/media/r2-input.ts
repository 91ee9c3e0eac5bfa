import type { MediaInput } from "./framed-request";
import { MediaClientErrorCode, MediaServiceError } from "./media-errors";

/** Bytes per ranged read of an R2 input. */
export const R2_SLICE_BYTES = 16 * 1024 * 1024;

/**
 * An R2 object as a media input, read as ranged GETs of `sliceBytes` that the framed request pipes natively one
 * after the other. One read of a whole object uploaded in parts stops the local runtime (`npm run dev`) from
 * serving any other request until it ends: miniflare joins the parts in a JS stream, and workerd polls no socket
 * while that work is queued (a 200 MiB ingest held /health for 2 to 6 s). Ranges bound that to one slice;
 * deployed, each slice is one more R2 read. `etagMatches` keeps every slice from the same version of the object.
 */
export async function r2Input(
  name: string,
  bucket: R2Bucket,
  object: R2Object,
  sliceBytes = R2_SLICE_BYTES,
): Promise<MediaInput> {
  const read = async (offset: number) => {
    const length = Math.min(sliceBytes, object.size - offset);
    const slice = await bucket.get(object.key, {
      range: { offset, length },
      onlyIf: { etagMatches: object.etag },
    });
    if (!slice || !("body" in slice)) {
      throw new MediaServiceError(
        MediaClientErrorCode.interrupted,
        `Input ${name} was replaced or deleted in storage while it was being read`,
        true,
      );
    }
    return slice.body;
  };
  // An empty object still needs a stream, and a range of length 0 is not one R2 accepts.
  const body = object.size > 0 ? await read(0) : new Response(new Uint8Array(0)).body!;
  let offset = Math.min(sliceBytes, object.size);
  return {
    name,
    size: object.size,
    body,
    sizeFromStorage: true,
    rest: async () => {
      if (offset >= object.size) return undefined;
      const part = await read(offset);
      offset += sliceBytes;
      return part;
    },
  };
}
