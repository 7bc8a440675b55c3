-- Pipeline (b): DuckDB alone. ${file} is replaced by the CSV path (single quotes doubled) before running.
-- read_csv's defaults (type sniffing, parallel reader, all cores) on purpose: this is the floor a
-- purpose-built loader is measured against, not a tuned competitor.
CREATE TABLE t AS SELECT * FROM read_csv('${file}');
