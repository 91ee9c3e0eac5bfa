import { bodyLimit } from "hono/body-limit";
import { ApiError } from "../errors";
import { documented } from "./documented";

/**
 * Largest JSON request body, in bytes. The largest legitimate one is an export timeline with subtitle cues:
 * 1 MiB holds about 8,500 cues of a full subtitle line (~120 bytes of JSON each), some 7 hours of speech at
 * a cue every 3 s. A timeline at the schema's theoretical maximum (100 clips x 1,000 cues of up to 2,000
 * characters) gets 413.
 */
export const JSON_BODY_MAX_BYTES = 1024 * 1024;

/**
 * Route middleware for every route with a JSON body, placed before the body is parsed. A larger
 * Content-Length is refused unread; a body without one (chunked) is counted while it streams and refused
 * as soon as it passes the cap, so at most JSON_BODY_MAX_BYTES are ever held.
 */
export const jsonBodyLimit = documented(
  bodyLimit({
    maxSize: JSON_BODY_MAX_BYTES,
    onError: () => {
      throw new ApiError("PAYLOAD_TOO_LARGE", `JSON request bodies are limited to ${JSON_BODY_MAX_BYTES} bytes`);
    },
  }),
  [413],
);
