-- Run on every planner's connection before the planner's SQL: no file outside the warehouse can be
-- read or written (no COPY TO, no read_csv of a stranger's file), and the setting cannot be undone.
SET enable_external_access = false;
