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

export const subscribes = (endpoint: EndpointRecord, type: string) =>
  endpoint.events[0] === "*" || (endpoint.events as string[]).includes(type);

/** The project's webhook endpoints, in the project object's SQLite. */
export class EndpointStore {
  constructor(private readonly sql: SqlStorage) {
    sql.exec(`CREATE TABLE IF NOT EXISTS endpoints (
      id TEXT PRIMARY KEY, url TEXT NOT NULL, description TEXT, events TEXT NOT NULL, enabled INTEGER NOT NULL,
      disabled_reason TEXT, disabled_at TEXT, secret TEXT NOT NULL, previous_secret TEXT,
      previous_secret_until INTEGER, failing_since INTEGER, created_at TEXT NOT NULL, updated_at TEXT NOT NULL)`);
  }

  list(): EndpointRecord[] {
    return this.sql.exec<EndpointRow>("SELECT * FROM endpoints ORDER BY created_at, id").toArray().map(fromRow);
  }

  count(): number {
    return this.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM endpoints").one().n;
  }

  get(id: string): EndpointRecord | null {
    const row = this.sql.exec<EndpointRow>("SELECT * FROM endpoints WHERE id = ?", id).toArray()[0];
    return row ? fromRow(row) : null;
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
  }

  delete(id: string): void {
    this.sql.exec("DELETE FROM endpoints WHERE id = ?", id);
  }
}
