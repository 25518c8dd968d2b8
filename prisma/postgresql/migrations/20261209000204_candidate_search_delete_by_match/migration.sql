-- SQLite only (its FTS5 search index's triggers); PostgreSQL's trigram index needs no trigger.
SELECT 1;
