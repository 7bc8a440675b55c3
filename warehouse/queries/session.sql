-- Settings of every DuckDB connection Mizan opens. Times are UTC everywhere; insertion order is not
-- needed (the lake keeps file and line of each row), which lets DuckDB load in parallel with less memory;
-- the memory limit leaves room for the JVM on the same machine ({{memory_limit}}: -Dmizan.duckdb.memory).
SET TimeZone = 'UTC';
SET preserve_insertion_order = false;
SET memory_limit = '{{memory_limit}}';
