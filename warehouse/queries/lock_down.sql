-- Run on every planner's connection (opened read-only, with enable_external_access = false) before the
-- planner's SQL. DuckDB's external-access switch still lets a statement write the database's own file (a
-- COPY … TO the warehouse path), so the local file system is switched off as a whole: the database file is
-- already open and is read through its handle; no statement can open a file to read or write it (a query
-- larger than the memory limit fails instead of spilling to disk). The configuration is then locked, so no
-- statement (SET, RESET, PRAGMA, EXPLAIN ANALYZE SET …) can change any of this back.
SET disabled_filesystems = 'LocalFileSystem';
SET lock_configuration = true;
