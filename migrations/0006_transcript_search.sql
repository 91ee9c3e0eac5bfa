-- Hand-written (drizzle-kit cannot express FTS5 or triggers): full-text search over transcript_search_rows.
-- External content: the index holds no copy of the text; rows are read from the content table by rowid.
-- unicode61 with remove_diacritics 2 folds case and accents, so "photosynthese" finds "photosynthèse".
CREATE VIRTUAL TABLE `transcript_search` USING fts5(
	`text`,
	content = 'transcript_search_rows',
	content_rowid = 'id',
	tokenize = 'unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE TRIGGER `transcript_search_rows_ai` AFTER INSERT ON `transcript_search_rows` BEGIN
	INSERT INTO `transcript_search` (`rowid`, `text`) VALUES (new.`id`, new.`text`);
END;
--> statement-breakpoint
CREATE TRIGGER `transcript_search_rows_ad` AFTER DELETE ON `transcript_search_rows` BEGIN
	INSERT INTO `transcript_search` (`transcript_search`, `rowid`, `text`) VALUES ('delete', old.`id`, old.`text`);
END;
--> statement-breakpoint
CREATE TRIGGER `transcript_search_rows_au` AFTER UPDATE ON `transcript_search_rows` BEGIN
	INSERT INTO `transcript_search` (`transcript_search`, `rowid`, `text`) VALUES ('delete', old.`id`, old.`text`);
	INSERT INTO `transcript_search` (`rowid`, `text`) VALUES (new.`id`, new.`text`);
END;
