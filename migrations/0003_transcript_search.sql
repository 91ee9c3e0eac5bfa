-- Hand-written (drizzle-kit cannot express FTS5 or triggers): full-text search over transcript_search_rows.
-- External content: the index holds no copy of the text, snippet() reads it from the content table by rowid.
-- unicode61 with remove_diacritics 2 folds case and accents, so "photosynthese" finds "photosynthèse".
CREATE VIRTUAL TABLE `transcript_search` USING fts5(
	`text`,
	`scope`,
	content = 'transcript_search_rows',
	content_rowid = 'id',
	tokenize = 'unicode61 remove_diacritics 2'
);
--> statement-breakpoint
-- bm25 ranks on the text only: the scope tokens (project, source, language) only confine a query.
INSERT INTO `transcript_search` (`transcript_search`, `rank`) VALUES ('rank', 'bm25(1.0, 0.0)');
--> statement-breakpoint
CREATE TRIGGER `transcript_search_rows_ai` AFTER INSERT ON `transcript_search_rows` BEGIN
	INSERT INTO `transcript_search` (`rowid`, `text`, `scope`) VALUES (new.`id`, new.`text`, new.`scope`);
END;
--> statement-breakpoint
CREATE TRIGGER `transcript_search_rows_ad` AFTER DELETE ON `transcript_search_rows` BEGIN
	INSERT INTO `transcript_search` (`transcript_search`, `rowid`, `text`, `scope`)
	VALUES ('delete', old.`id`, old.`text`, old.`scope`);
END;
--> statement-breakpoint
CREATE TRIGGER `transcript_search_rows_au` AFTER UPDATE ON `transcript_search_rows` BEGIN
	INSERT INTO `transcript_search` (`transcript_search`, `rowid`, `text`, `scope`)
	VALUES ('delete', old.`id`, old.`text`, old.`scope`);
	INSERT INTO `transcript_search` (`rowid`, `text`, `scope`) VALUES (new.`id`, new.`text`, new.`scope`);
END;
