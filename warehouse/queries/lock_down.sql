-- A planner's connection: a database of its own in memory, with the published warehouse attached read-only
-- ({{warehouse}}: its path, quotes doubled) and made the default, so that nothing set here reaches another
-- connection to the same file. Then no file outside it can be read or written, and since DuckDB's
-- external-access switch still lets a statement write an attached database's own file (a COPY … TO the
-- warehouse path), the local file system is switched off as a whole: the attached file is already open and is
-- read through its handle; no statement can open a file (a query larger than the memory limit fails instead of
-- spilling to disk). The configuration is then locked, so no statement (SET, RESET, PRAGMA, EXPLAIN ANALYZE SET …)
-- can change any of this back.
ATTACH '{{warehouse}}' AS mizan (READ_ONLY);
USE mizan;
SET enable_external_access = false;
SET disabled_filesystems = 'LocalFileSystem';
SET lock_configuration = true;
