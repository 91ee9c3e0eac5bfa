import { DurableObject } from "cloudflare:workers";
import { createDb } from "../db/client";
import { type Env, getSettings } from "../env";
import { EventOutbox } from "../events/outbox";
import { startVideoIngest } from "../jobs/ingest/start-ingest";
import { Logger } from "../logger";
import { ASSET_FOLDERS, fileExtension, objectKey, storedFileName } from "../storage/layout";
import {
  type AppendEnd,
  type AppendStart,
  type BeginAppendInput,
  type PartsReport,
  partsForAppend,
  R2_MAX_PART_NUMBER,
} from "./append-protocol";
import { AsyncLock } from "./async-lock";
import { assembleObject, type CompletionDeps, registerUploadedVideo } from "./upload-completion";
import { UploadLeases } from "./upload-lease";
import { fail, leaseLost, succeed, type UploadOutcome, type UploadView } from "./upload-outcome";
import { toView, type UploadRecord, UploadStore } from "./upload-store";

/** How long a finished, terminated or expired upload still answers 410 (or HEAD) before it is forgotten. */
const TOMBSTONE_MS = 24 * 60 * 60 * 1000;
/** The longest lease a PATCH may ask for: HEAD and other PATCHes wait at most this long for a vanished writer. */
const MAX_LEASE_MS = 5 * 60 * 1000;

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

/**
 * One per tus upload: offset, R2 multipart upload id, stored parts, the tail that has not filled a part
 * yet, the SHA-256 state and expiry, all in SQLite. The bytes do not pass through here: a PATCH's Worker
 * takes the lease, writes R2 parts itself and commits them (upload-append.ts). The lease serialises
 * PATCHes; the lock serialises this object's own work.
 */
export class UploadObject extends DurableObject<Env> {
  private readonly store: UploadStore;
  private readonly leases: UploadLeases;
  private readonly lock = new AsyncLock();
  private readonly logger: Logger;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.store = new UploadStore(ctx.storage);
    this.leases = new UploadLeases(ctx.storage);
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
    return this.whenFree(async () => {
      const found = await this.current(projectId);
      if (!found.ok) return found;
      return found.value.status === "assembled" ? this.finish() : succeed(toView(found.value));
    });
  }

  /**
   * The lease for writing at `input.offset`, granted once no other PATCH holds it: a second PATCH waits
   * for the first to end, then usually finds the offset moved (409), exactly as if they had queued.
   */
  async beginAppend(input: BeginAppendInput): Promise<UploadOutcome<AppendStart>> {
    return this.whenFree(async () => {
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
      if (record.status === "completed") return succeed({ kind: "settled", view: toView(record) });
      const leaseMs = Math.min(Math.max(1, input.leaseMs), MAX_LEASE_MS);
      const { offset, length, partSize, r2Key, multipartId } = record;
      const tail = this.store.tail();
      const parts = partsForAppend({ offset, length, partSize, tailLength: tail.length }, input.contentLength);
      const partCount = Number.isFinite(parts) ? Math.min(Math.max(parts, 1), R2_MAX_PART_NUMBER) : 1;
      const grant = this.leases.grant(leaseMs, this.store.firstFreePartNumber(), partCount);
      const lease = { ...grant, offset, length, partSize, r2Key, multipartId };
      return succeed({ kind: "lease", lease: { ...lease, tail } });
    });
  }

  /** Commits parts the lease holder stored and renews its lease; with `reservePart`, the first of the numbers asked for. */
  async reportProgress(token: string, report: PartsReport): Promise<UploadOutcome<number | null>> {
    return this.lock.run(async () => {
      if (this.store.load()?.status !== "uploading" || !this.leases.renew(token)) return leaseLost();
      // Reported parts always begin with the stored tail's bytes, so the tail is used up.
      if (report.parts.length > 0) this.store.commit(report.parts, new Uint8Array(0));
      return succeed(
        report.reservePart
          ? this.leases.reservePart(token, Math.min(Math.max(report.count ?? 1, 1), R2_MAX_PART_NUMBER))
          : null,
      );
    });
  }

  /**
   * Ends a PATCH: commits what its Worker stored, or only releases the lease. A commit that brings the
   * upload to its length with no tail left completes it here, the one place uploads complete.
   */
  async endAppend(token: string, end: AppendEnd): Promise<UploadOutcome<UploadView>> {
    return this.lock.run(async () => {
      const record = this.store.load();
      if (!record) return fail("not_found", "Upload not found");
      const holds = record.status === "uploading" && this.leases.renew(token);
      if (!holds || end.kind === "release") {
        this.leases.release(token);
        return holds ? succeed(toView(record)) : leaseLost();
      }
      const offset = this.store.commit(end.parts, end.tail, end.sha256 ?? null);
      this.leases.release(token);
      if (offset < record.length || end.tail.length > 0) return succeed(toView(this.store.load() ?? record));
      try {
        await assembleObject(this.env.BUCKET, record, this.store.parts());
        this.store.setStatus("assembled");
        this.leases.clear();
        return await this.finish();
      } catch (error) {
        this.logger.error("upload_completion_failed", { upload_id: record.uploadId, error: String(error) });
        return fail("storage_failed", "Completing the upload failed; HEAD the upload and resume");
      }
    });
  }

  async terminate(projectId: string): Promise<UploadOutcome<null>> {
    return this.whenFree(async () => {
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
    await this.whenFree(async () => {
      const record = this.store.load();
      if (record && (record.status === "uploading" || record.status === "assembled")) {
        this.logger.info("upload_expired", { upload_id: record.uploadId, project_id: record.projectId });
        await this.discard(record, "expired");
      } else {
        // Finished records and tombstones are forgotten entirely, alarm included.
        await this.store.forget();
        this.leases.recreate();
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

  /** Runs `work` under the lock once no PATCH holds the lease. */
  private async whenFree<T>(work: () => Promise<T>): Promise<T> {
    for (;;) {
      await this.leases.untilFree();
      const done = await this.lock.run(async () => (this.leases.heldUntil() === null ? { value: await work() } : null));
      if (done) return done.value;
    }
  }

  /**
   * Registers the assembled object as a video asset and starts its ingest job; a rejected file is gone.
   * The parts, tail and digest stay until then, so a retry after a failed registration has the digest.
   */
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
    const outcome = await registerUploadedVideo(deps, record, this.store.fileSha256());
    if (!outcome.ok) {
      if (outcome.kind !== "unsupported_type") return outcome;
      const purgeAt = Math.max(Date.now() + TOMBSTONE_MS, record.retainUntil);
      this.store.dropData();
      this.store.setStatus("rejected", { purgeAt, error: outcome.message });
      await this.ctx.storage.setAlarm(purgeAt);
      return outcome;
    }
    const purgeAt = Math.max(record.expiresAt, record.retainUntil);
    this.store.dropData();
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
    this.leases.clear();
    const purgeAt = Math.max(Date.now() + TOMBSTONE_MS, record.retainUntil);
    this.store.setStatus(status, { purgeAt });
    await this.ctx.storage.setAlarm(purgeAt);
  }
}
