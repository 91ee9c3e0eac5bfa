import { DurableObject } from "cloudflare:workers";
import { createDb } from "../db/client";
import { type Env, getSettings } from "../env";
import { EventOutbox } from "../events/outbox";
import { startVideoIngest } from "../jobs/ingest/start-ingest";
import { Logger } from "../logger";
import { ASSET_FOLDERS, fileExtension, objectKey, storedFileName } from "../storage/layout";
import { AsyncLock } from "./async-lock";
import { streamIntoParts } from "./part-stream";
import { assembleObject, type CompletionDeps, registerUploadedVideo } from "./upload-completion";
import { fail, succeed, type UploadOutcome, type UploadView } from "./upload-outcome";
import { toView, type UploadRecord, UploadStore } from "./upload-store";

/** How long a finished, terminated or expired upload still answers 410 (or HEAD) before it is forgotten. */
const TOMBSTONE_MS = 24 * 60 * 60 * 1000;

export interface CreateUploadInput {
  uploadId: string;
  projectId: string;
  length: number;
  /** The raw Upload-Metadata header, echoed on HEAD. */
  metadata: string | null;
  originalFilename: string;
  contentType: string;
  partSize: number;
  expiresAt: number;
  /** A direct-upload token naming this upload id is valid until then; the id must stay spent that long. */
  retainUntil: number;
}

export interface AppendInput {
  projectId: string;
  offset: number;
  /** Content-Length when sent, so an oversized PATCH is refused before reading it. */
  contentLength?: number;
  /** Upload-Checksum (sha1) of this request's body. */
  sha1?: Uint8Array;
}

/**
 * One per tus upload: offset, R2 multipart upload id, stored parts, the tail that has not filled a part
 * yet, and expiry, all in SQLite. PATCH bodies stream in over RPC; the lock serialises them.
 */
export class UploadObject extends DurableObject<Env> {
  private readonly store: UploadStore;
  private readonly lock = new AsyncLock();
  private readonly logger: Logger;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.store = new UploadStore(ctx.storage);
    this.logger = new Logger(getSettings(env).LOG_LEVEL, { component: "upload" });
  }

  async create(input: CreateUploadInput): Promise<UploadOutcome<UploadView>> {
    return this.lock.run(async () => {
      if (this.store.load()) return fail("already_used", "This upload URL has already been used");
      const assetId = crypto.randomUUID();
      const createdAt = new Date();
      const name = storedFileName(assetId, createdAt, fileExtension(input.originalFilename));
      const r2Key = objectKey(input.projectId, ASSET_FOLDERS.video, name);
      const multipart = await this.env.BUCKET.createMultipartUpload(r2Key, {
        httpMetadata: { contentType: input.contentType },
      });
      const record: UploadRecord = {
        ...input,
        status: "uploading",
        offset: 0,
        r2Key,
        multipartId: multipart.uploadId,
        assetId,
        createdAt: createdAt.toISOString(),
        purgeAt: Math.max(input.expiresAt, input.retainUntil),
        error: null,
      };
      this.store.insert(record);
      await this.ctx.storage.setAlarm(input.expiresAt);
      return succeed(toView(record));
    });
  }

  /**
   * Waits for a PATCH in progress: after a dropped connection the client HEADs at once, and must see
   * the offset that PATCH ends at (bytes that arrived are kept), not the offset it started from.
   */
  async status(projectId: string): Promise<UploadOutcome<UploadView>> {
    return this.lock.run(async () => {
      const found = await this.current(projectId);
      if (!found.ok) return found;
      return found.value.status === "assembled" ? this.finish() : succeed(toView(found.value));
    });
  }

  async append(input: AppendInput, body: ReadableStream<Uint8Array> | null): Promise<UploadOutcome<UploadView>> {
    return this.lock.run(async () => {
      const outcome = await this.appendLocked(input, body).catch((error: unknown) => {
        this.logger.error("upload_append_failed", { error: String(error) });
        return fail<UploadView>("storage_failed", "Storing the upload failed; HEAD the upload and resume");
      });
      await body?.cancel().catch(() => undefined);
      return outcome;
    });
  }

  async terminate(projectId: string): Promise<UploadOutcome<null>> {
    return this.lock.run(async () => {
      const found = await this.current(projectId);
      if (!found.ok) return found;
      if (found.value.status === "completed") {
        return fail("already_completed", "The upload is complete and became an asset; delete the asset instead");
      }
      await this.discard(found.value, "terminated");
      return succeed(null);
    });
  }

  override async alarm(): Promise<void> {
    await this.lock.run(async () => {
      const record = this.store.load();
      if (record && (record.status === "uploading" || record.status === "assembled")) {
        this.logger.info("upload_expired", { upload_id: record.uploadId, project_id: record.projectId });
        await this.discard(record, "expired");
      } else {
        // Finished records and tombstones are forgotten entirely, alarm included.
        await this.store.forget();
      }
    });
  }

  /** The record if this project may use it; unfinished uploads past their expiry are expired on the spot. */
  private async current(projectId: string): Promise<UploadOutcome<UploadRecord>> {
    const record = this.store.load();
    if (!record || record.projectId !== projectId) return fail("not_found", "Upload not found");
    if ((record.status === "uploading" || record.status === "assembled") && Date.now() >= record.expiresAt) {
      await this.discard(record, "expired");
      return fail("gone", "The upload expired");
    }
    if (record.status === "uploading" || record.status === "assembled" || record.status === "completed") {
      return succeed(record);
    }
    const why = { terminated: "was terminated", expired: "expired", rejected: `was rejected: ${record.error}` };
    return fail("gone", `The upload ${why[record.status]}`);
  }

  private async appendLocked(input: AppendInput, body: ReadableStream<Uint8Array> | null) {
    const found = await this.current(input.projectId);
    if (!found.ok) return found;
    let record = found.value;
    if (record.status === "assembled") {
      const finished = await this.finish();
      if (!finished.ok) return finished;
      record = this.store.load() ?? record;
    }
    if (input.offset !== record.offset) {
      return fail(
        "offset_mismatch",
        `Upload-Offset ${input.offset} does not match the upload's offset ${record.offset}`,
      );
    }
    const room = record.length - record.offset;
    if (input.contentLength !== undefined && input.contentLength > room) {
      return fail("too_large", `The body would exceed Upload-Length ${record.length} (${room} bytes left)`);
    }
    if (record.status === "completed") return succeed(toView(record));

    const checksum = input.sha1 ? new crypto.DigestStream("SHA-1") : undefined;
    const digest = checksum?.getWriter();
    const multipart = this.env.BUCKET.resumeMultipartUpload(record.r2Key, record.multipartId);
    const storedParts = this.store.parts();
    // Without a checksum every full part is committed as soon as R2 has it, so an interrupted PATCH
    // keeps its progress. With one, nothing counts until the whole body has been verified.
    const result = await streamIntoParts(body, {
      partSize: record.partSize,
      nextPartNumber: storedParts.length + 1,
      tail: this.store.tail(),
      room,
      uploadPart: (partNumber, data) => multipart.uploadPart(partNumber, data),
      onPart: checksum ? undefined : (part) => this.store.commit([part], new Uint8Array(0)),
      digest,
    });
    const pending = checksum ? result.parts : [];
    if (result.interruption?.kind === "overflow") {
      return fail("too_large", `The body exceeds Upload-Length ${record.length}`);
    }
    if (checksum && digest) {
      if (result.interruption) return fail("interrupted", "The request body ended early; nothing was stored");
      await digest.close();
      const actual = new Uint8Array(await checksum.digest);
      if (!input.sha1 || !crypto.subtle.timingSafeEqual(actual, input.sha1)) {
        return fail("checksum_mismatch", "Upload-Checksum does not match the received bytes; nothing was stored");
      }
    }
    const complete = record.offset + result.received === record.length && !result.interruption;
    if (!complete || result.rest.length === 0) this.store.commit(pending, result.rest);
    if (!complete) return succeed(toView(this.store.load() ?? record));

    if (result.rest.length > 0) {
      try {
        const last = await multipart.uploadPart(storedParts.length + result.parts.length + 1, result.rest);
        this.store.commit(
          [...pending, { partNumber: last.partNumber, etag: last.etag, size: result.rest.length }],
          new Uint8Array(0),
        );
      } catch (error) {
        this.store.commit(pending, result.rest);
        throw error;
      }
    }
    await assembleObject(this.env.BUCKET, record, this.store.parts());
    this.store.setStatus("assembled");
    this.store.dropData();
    return this.finish();
  }

  /** Registers the assembled object as a video asset and starts its ingest job; a rejected file is gone. */
  private async finish(): Promise<UploadOutcome<UploadView>> {
    const record = this.store.load();
    if (!record) return fail("not_found", "Upload not found");
    if (record.status !== "assembled") return succeed(toView(record));
    const settings = getSettings(this.env);
    const db = createDb(this.env.DB);
    const deps: CompletionDeps = {
      db,
      bucket: this.env.BUCKET,
      outbox: new EventOutbox(db, this.env.PROJECT_EVENTS, this.logger),
      startIngest: (asset) => startVideoIngest({ db, env: this.env, settings, logger: this.logger }, asset),
    };
    const outcome = await registerUploadedVideo(deps, record);
    if (!outcome.ok) {
      if (outcome.kind !== "unsupported_type") return outcome;
      const purgeAt = Math.max(Date.now() + TOMBSTONE_MS, record.retainUntil);
      this.store.setStatus("rejected", { purgeAt, error: outcome.message });
      await this.ctx.storage.setAlarm(purgeAt);
      return outcome;
    }
    const purgeAt = Math.max(record.expiresAt, record.retainUntil);
    this.store.setStatus("completed", { purgeAt });
    await this.ctx.storage.setAlarm(purgeAt);
    this.logger.info("upload_completed", { upload_id: record.uploadId, asset_id: outcome.value.id });
    return succeed(toView(this.store.load() ?? record));
  }

  /** Aborts the R2 multipart upload, forgets the bytes and leaves a tombstone until it is purged. */
  private async discard(record: UploadRecord, status: "terminated" | "expired"): Promise<void> {
    const multipart = this.env.BUCKET.resumeMultipartUpload(record.r2Key, record.multipartId);
    await multipart.abort().catch(() => undefined);
    if (record.status === "assembled") await this.env.BUCKET.delete(record.r2Key);
    this.store.dropData();
    const purgeAt = Math.max(Date.now() + TOMBSTONE_MS, record.retainUntil);
    this.store.setStatus(status, { purgeAt });
    await this.ctx.storage.setAlarm(purgeAt);
  }
}
