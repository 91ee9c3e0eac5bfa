import { index, integer, real, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const SEARCH_SOURCES = ["transcript", "translation"] as const;
export type SearchSource = (typeof SEARCH_SOURCES)[number];

/**
 * One row per searchable segment (of a transcript or a translation): the content table of the FTS5 index
 * `transcript_search`, which triggers keep in step with it (hand-written migration 0003). A query's matches are
 * confined to a project, source and language by these columns, joined on the rowid.
 */
export const transcriptSearchRows = sqliteTable(
  "transcript_search_rows",
  {
    id: integer("id").primaryKey(),
    projectId: text("project_id").notNull(),
    assetId: text("asset_id").notNull(),
    transcriptId: text("transcript_id").notNull(),
    source: text("source", { enum: SEARCH_SOURCES }).notNull(),
    language: text("language"),
    segmentIndex: integer("segment_index").notNull(),
    startSeconds: real("start_seconds").notNull(),
    endSeconds: real("end_seconds").notNull(),
    text: text("text").notNull(),
  },
  (table) => [
    index("transcript_search_rows_asset_idx").on(table.assetId),
    index("transcript_search_rows_project_idx").on(table.projectId),
  ],
);
