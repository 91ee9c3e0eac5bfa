import type { DisabledReason } from "./delivery-policy";
import type { ProjectEventType } from "./event-types";

/** Endpoints a project may have. */
export const MAX_ENDPOINTS = 20;

/** What an endpoint subscribes to: every event, or the listed types. */
export type EndpointEvents = ["*"] | ProjectEventType[];

/** An endpoint as stored. `secret` and `previousSecret` are sealed (secret-box.ts), never plaintext. */
export interface EndpointRecord {
  id: string;
  url: string;
  description: string | null;
  events: EndpointEvents;
  enabled: boolean;
  disabledReason: DisabledReason | null;
  disabledAt: string | null;
  secret: string;
  /** The secret before the last rotation; deliveries carry its signature too until previousSecretUntil. */
  previousSecret: string | null;
  previousSecretUntil: number | null;
  /** Since when every attempt failed (epoch ms); null after a success. */
  failingSince: number | null;
  createdAt: string;
  updatedAt: string;
}

/** An endpoint as the API returns it: no secret. */
export interface EndpointView {
  id: string;
  project_id: string;
  url: string;
  description: string | null;
  events: string[];
  enabled: boolean;
  disabled_reason: DisabledReason | null;
  disabled_at: string | null;
  secret_rotation_ends_at: string | null;
  created_at: string;
  updated_at: string;
}

type EndpointRow = {
  id: string;
  url: string;
  description: string | null;
  events: string;
  enabled: number;
  disabled_reason: DisabledReason | null;
  disabled_at: string | null;
  secret: string;
  previous_secret: string | null;
  previous_secret_until: number | null;
  failing_since: number | null;
  created_at: string;
  updated_at: string;
};

const fromRow = (row: EndpointRow): EndpointRecord => ({
  id: row.id,
  url: row.url,
  description: row.description,
  events: JSON.parse(row.events) as EndpointEvents,
  enabled: row.enabled === 1,
  disabledReason: row.disabled_reason,
  disabledAt: row.disabled_at,
  secret: row.secret,
  previousSecret: row.previous_secret,
  previousSecretUntil: row.previous_secret_until,
  failingSince: row.failing_since,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export function endpointView(projectId: string, record: EndpointRecord, now = Date.now()): EndpointView {
  const overlap = record.previousSecretUntil !== null && record.previousSecretUntil > now;
  return {
    id: record.id,
    project_id: projectId,
    url: record.url,
    description: record.description,
    events: [...record.events],
    enabled: record.enabled,
    disabled_reason: record.disabledReason,
    disabled_at: record.disabledAt,
    secret_rotation_ends_at: overlap ? new Date(record.previousSecretUntil ?? 0).toISOString() : null,
    created_at: record.createdAt,
    updated_at: record.updatedAt,
  };
}

const frozen = (events: EndpointEvents) => Object.freeze([...events]) as EndpointEvents;

export const subscribes = (endpoint: EndpointRecord, type: string) =>
  endpoint.events[0] === "*" || (endpoint.events as string[]).includes(type);

/**
 * The project's webhook endpoints, in the project object's SQLite, kept in memory (frozen) between writes: fanning
 * out an event and sending a batch read them every time, which in bench:webhooks was a query and a JSON.parse per
 * endpoint and event. Triggers count every write to the table, whoever makes it, so a read checks one integer.
 */
export class EndpointStore {
  private cache: Map<string, EndpointRecord> | null = null;
  private cachedVersion = -1;

  constructor(private readonly sql: SqlStorage) {
    sql.exec(`CREATE TABLE IF NOT EXISTS endpoints (
      id TEXT PRIMARY KEY, url TEXT NOT NULL, description TEXT, events TEXT NOT NULL, enabled INTEGER NOT NULL,
      disabled_reason TEXT, disabled_at TEXT, secret TEXT NOT NULL, previous_secret TEXT,
      previous_secret_until INTEGER, failing_since INTEGER, created_at TEXT NOT NULL, updated_at TEXT NOT NULL)`);
    sql.exec("CREATE TABLE IF NOT EXISTS endpoints_version (version INTEGER NOT NULL)");
    sql.exec("INSERT INTO endpoints_version (version) SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM endpoints_version)");
    for (const write of ["INSERT", "UPDATE", "DELETE"]) {
      sql.exec(`CREATE TRIGGER IF NOT EXISTS endpoints_${write.toLowerCase()}_counted AFTER ${write} ON endpoints
        BEGIN UPDATE endpoints_version SET version = version + 1; END`);
    }
  }

  /** In creation order. */
  list(): EndpointRecord[] {
    return [...this.records().values()];
  }

  count(): number {
    return this.records().size;
  }

  get(id: string): EndpointRecord | null {
    return this.records().get(id) ?? null;
  }

  /** Inserts or replaces the whole record. */
  save(record: EndpointRecord): void {
    this.sql.exec(
      `INSERT OR REPLACE INTO endpoints (id, url, description, events, enabled, disabled_reason, disabled_at, secret,
        previous_secret, previous_secret_until, failing_since, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      record.id,
      record.url,
      record.description,
      JSON.stringify(record.events),
      record.enabled ? 1 : 0,
      record.disabledReason,
      record.disabledAt,
      record.secret,
      record.previousSecret,
      record.previousSecretUntil,
      record.failingSince,
      record.createdAt,
      record.updatedAt,
    );
    // A replaced record keeps its place (if nothing else wrote meanwhile); a new one is placed by its creation time
    // when the rows are read again.
    const fresh = this.cache !== null && this.cachedVersion === this.version() - 1 && this.cache.has(record.id);
    if (fresh) {
      this.cache?.set(record.id, Object.freeze({ ...record, events: frozen(record.events) }));
      this.cachedVersion += 1;
    }
  }

  delete(id: string): void {
    this.sql.exec("DELETE FROM endpoints WHERE id = ?", id);
  }

  private version(): number {
    return this.sql.exec<{ version: number }>("SELECT version FROM endpoints_version").one().version;
  }

  private records(): Map<string, EndpointRecord> {
    const version = this.version();
    if (this.cache && this.cachedVersion === version) return this.cache;
    this.cachedVersion = version;
    this.cache = new Map(
      this.sql
        .exec<EndpointRow>("SELECT * FROM endpoints ORDER BY created_at, id")
        .toArray()
        .map((row) => {
          const record = fromRow(row);
          return [row.id, Object.freeze({ ...record, events: frozen(record.events) })];
        }),
    );
    return this.cache;
  }
}
