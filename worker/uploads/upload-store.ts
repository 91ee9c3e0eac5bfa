import type { UploadStatus, UploadView } from "./upload-outcome";

/** SQLite (Durable Object storage) holds one row per value of at most 2 MB; tail chunks stay well below. */
export const TAIL_CHUNK_BYTES = 1024 * 1024;

export interface UploadRecord {
  uploadId: string;
  projectId: string;
  status: UploadStatus;
  length: number;
  offset: number;
  partSize: number;
  r2Key: string;
  multipartId: string;
  assetId: string;
  originalFilename: string;
  contentType: string;
  metadata: string | null;
  createdAt: string;
  /** Unix ms: an unfinished upload is aborted at this time. */
  expiresAt: number;
  /** Unix ms: the tombstone or finished record is forgotten at this time. */
  purgeAt: number;
  /** Unix ms: a direct-upload token for this upload id stays spent at least until then. */
  retainUntil: number;
  error: string | null;
}

export interface StoredPart {
  partNumber: number;
  etag: string;
  size: number;
}

type Row = Record<string, SqlStorageValue>;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS upload (
  singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
  upload_id TEXT NOT NULL, project_id TEXT NOT NULL, status TEXT NOT NULL,
  length INTEGER NOT NULL, offset INTEGER NOT NULL, part_size INTEGER NOT NULL,
  r2_key TEXT NOT NULL, multipart_id TEXT NOT NULL, asset_id TEXT NOT NULL,
  original_filename TEXT NOT NULL, content_type TEXT NOT NULL, metadata TEXT,
  created_at TEXT NOT NULL, expires_at INTEGER NOT NULL, purge_at INTEGER NOT NULL,
  retain_until INTEGER NOT NULL, error TEXT
);
CREATE TABLE IF NOT EXISTS parts (part_number INTEGER PRIMARY KEY, etag TEXT NOT NULL, size INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS tail_chunks (seq INTEGER PRIMARY KEY, data BLOB NOT NULL);
DROP TABLE IF EXISTS hash_state;
CREATE TABLE IF NOT EXISTS file_sha256 (singleton INTEGER PRIMARY KEY CHECK (singleton = 1), digest BLOB NOT NULL);
`;

function toRecord(row: Row): UploadRecord {
  return {
    uploadId: String(row.upload_id),
    projectId: String(row.project_id),
    status: row.status as UploadStatus,
    length: Number(row.length),
    offset: Number(row.offset),
    partSize: Number(row.part_size),
    r2Key: String(row.r2_key),
    multipartId: String(row.multipart_id),
    assetId: String(row.asset_id),
    originalFilename: String(row.original_filename),
    contentType: String(row.content_type),
    metadata: row.metadata === null ? null : String(row.metadata),
    createdAt: String(row.created_at),
    expiresAt: Number(row.expires_at),
    purgeAt: Number(row.purge_at),
    retainUntil: Number(row.retain_until),
    error: row.error === null ? null : String(row.error),
  };
}

export function toView(record: UploadRecord): UploadView {
  return {
    uploadId: record.uploadId,
    projectId: record.projectId,
    status: record.status,
    offset: record.offset,
    length: record.length,
    metadata: record.metadata,
    createdAt: record.createdAt,
    expiresAt: new Date(record.expiresAt).toISOString(),
    assetId: record.status === "completed" ? record.assetId : null,
  };
}

/**
 * The upload's durable state in its Durable Object's SQLite: one record, the R2 parts written so far, the
 * tail (bytes after the last full part) in chunks, and the whole file's SHA-256 once the PATCH that
 * completed it had hashed all of it. Offset = sum of part sizes + tail bytes. (hash_state, a saved
 * WebAssembly SHA-256 state, is no longer kept; objects that had one drop it.)
 */
export class UploadStore {
  constructor(private readonly storage: DurableObjectStorage) {
    storage.sql.exec(SCHEMA);
  }

  private get sql() {
    return this.storage.sql;
  }

  load(): UploadRecord | null {
    const rows = this.sql.exec<Row>("SELECT * FROM upload WHERE singleton = 1").toArray();
    return rows[0] ? toRecord(rows[0]) : null;
  }

  insert(record: UploadRecord): void {
    this.sql.exec(
      `INSERT INTO upload (singleton, upload_id, project_id, status, length, offset, part_size, r2_key, multipart_id,
        asset_id, original_filename, content_type, metadata, created_at, expires_at, purge_at, retain_until, error)
       VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      record.uploadId,
      record.projectId,
      record.status,
      record.length,
      record.offset,
      record.partSize,
      record.r2Key,
      record.multipartId,
      record.assetId,
      record.originalFilename,
      record.contentType,
      record.metadata,
      record.createdAt,
      record.expiresAt,
      record.purgeAt,
      record.retainUntil,
      record.error,
    );
  }

  setStatus(status: UploadStatus, fields: { purgeAt?: number; error?: string | null } = {}): void {
    this.sql.exec(
      "UPDATE upload SET status = ?, purge_at = COALESCE(?, purge_at), error = COALESCE(?, error) WHERE singleton = 1",
      status,
      fields.purgeAt ?? null,
      fields.error ?? null,
    );
  }

  parts(): StoredPart[] {
    return this.sql
      .exec<Row>("SELECT part_number, etag, size FROM parts ORDER BY part_number")
      .toArray()
      .map((row) => ({ partNumber: Number(row.part_number), etag: String(row.etag), size: Number(row.size) }));
  }

  /** The number the next part may take at the least: parts are numbered in the order of their bytes. */
  firstFreePartNumber(): number {
    const row = this.sql.exec<Row>("SELECT COALESCE(MAX(part_number), 0) AS last FROM parts").one();
    return Number(row.last) + 1;
  }

  /** The whole file's SHA-256, committed with the last bytes by a PATCH whose isolate hashed all of them. */
  fileSha256(): Uint8Array | null {
    const row = this.sql.exec<Row>("SELECT digest FROM file_sha256 WHERE singleton = 1").toArray()[0];
    return row ? new Uint8Array(row.digest as ArrayBuffer) : null;
  }

  partsBytes(): number {
    const row = this.sql.exec<Row>("SELECT COALESCE(SUM(size), 0) AS total FROM parts").one();
    return Number(row.total);
  }

  tail(): Uint8Array {
    const chunks = this.sql
      .exec<Row>("SELECT data FROM tail_chunks ORDER BY seq")
      .toArray()
      .map((row) => new Uint8Array(row.data as ArrayBuffer));
    const tail = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
    let at = 0;
    for (const chunk of chunks) {
      tail.set(chunk, at);
      at += chunk.length;
    }
    return tail;
  }

  /**
   * Records progress atomically: new parts, the new tail (replacing the old one), the file's SHA-256 when
   * known, and the new offset. Either all of it is durable or none of it, so an acknowledged offset always
   * matches the bytes kept.
   */
  commit(parts: readonly StoredPart[], tail: Uint8Array, sha256: Uint8Array | null = null): number {
    return this.storage.transactionSync(() => {
      if (sha256) this.sql.exec("INSERT OR REPLACE INTO file_sha256 (singleton, digest) VALUES (1, ?)", sha256);
      else this.sql.exec("DELETE FROM file_sha256");
      for (const part of parts) {
        this.sql.exec(
          "INSERT OR REPLACE INTO parts (part_number, etag, size) VALUES (?, ?, ?)",
          part.partNumber,
          part.etag,
          part.size,
        );
      }
      this.sql.exec("DELETE FROM tail_chunks");
      for (let at = 0, seq = 0; at < tail.length; at += TAIL_CHUNK_BYTES, seq++) {
        // A copy, so SQLite gets exactly this chunk rather than the whole underlying buffer.
        this.sql.exec("INSERT INTO tail_chunks (seq, data) VALUES (?, ?)", seq, tail.slice(at, at + TAIL_CHUNK_BYTES));
      }
      const offset = this.partsBytes() + tail.length;
      this.sql.exec("UPDATE upload SET offset = ? WHERE singleton = 1", offset);
      return offset;
    });
  }

  /** Deletes everything this object stored (alarm included); the empty tables are recreated for reuse. */
  async forget(): Promise<void> {
    await this.storage.deleteAll();
    this.storage.sql.exec(SCHEMA);
  }

  /** Drops the bytes' bookkeeping (parts, tail, digest), keeping the record as a tombstone or final state. */
  dropData(): void {
    this.storage.transactionSync(() => {
      this.sql.exec("DELETE FROM parts");
      this.sql.exec("DELETE FROM tail_chunks");
      this.sql.exec("DELETE FROM file_sha256");
    });
  }
}
