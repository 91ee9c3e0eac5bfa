/**
 * How the Worker proves itself to the media service: every call but GET /health carries the shared
 * MEDIA_SERVICE_SECRET as a bearer token, so nothing else that can reach the service's port can run work or
 * spend the OpenAI key it holds. Runtime-neutral: the Worker imports this file.
 */
export const MIN_SERVICE_SECRET_LENGTH = 32;

export const serviceAuthHeaders = (secret: string): Record<string, string> => ({ authorization: `Bearer ${secret}` });

/** The token of an `Authorization: Bearer <token>` header, or "" when there is none. */
export const bearerToken = (header: string | undefined): string => /^Bearer (.+)$/.exec(header ?? "")?.[1] ?? "";
