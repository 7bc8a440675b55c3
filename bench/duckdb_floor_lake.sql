-- Pipeline (f2), first half: DuckDB alone writes the remittance lake exactly as Mizan lays it out (bench/README.md,
-- "(f2): the fair floor"), with no check of any row. ${file}, ${lake}, ${source_file} and ${unit} are replaced
-- (single quotes doubled) before running; statements end with a semicolon at the end of a line.
--
-- The same folders (period=YYYY-MM/source=<provider>/), the same columns in the same order with the same names
-- and logical types as schemas/remittance_transaction.avsc (period and source only in the folder names, as
-- Mizan's writer leaves them out of the file), the provenance (source_file: the file's name; source_line: the
-- row's line number, its ordinal + 1 in a file without blank lines), sent_at as a UTC instant plus the offset the
-- provider wrote, in minutes, and sent_on, its UTC day. One file per partition named after the unit of load
-- (unit~0.parquet: Lake.locate reads the unit from it). The codes are put in their standard case, as the
-- normaliser does. Differences left: DuckDB writes DECIMAL(18,4) as INT64 and DECIMAL(9,4) as INT32 (Mizan:
-- BYTE_ARRAY, the same logical type) and writes no parquet.avro.schema footer; the rows of a partition are in
-- file order in both.
SET TimeZone = 'UTC';
COPY (
    WITH rows AS (
        SELECT *, row_number() OVER () + 1 AS source_line, CAST(sent_at_text AS TIMESTAMPTZ) AS sent_at
        FROM read_csv('${file}', header = true, auto_detect = false, delim = ',', quote = '"',
                      columns = {'txn_id': 'VARCHAR', 'provider_id': 'VARCHAR', 'sent_at_text': 'VARCHAR',
                                 'sender_country': 'VARCHAR', 'receiving_unit_code': 'VARCHAR',
                                 'amount': 'DECIMAL(18,4)', 'currency': 'VARCHAR', 'fee': 'DECIMAL(18,4)',
                                 'fx_margin_pct': 'DECIMAL(9,4)', 'channel': 'VARCHAR'})
    )
    SELECT txn_id, provider_id, sent_at,
           CASE WHEN right(sent_at_text, 1) = 'Z' THEN 0
                ELSE (CASE WHEN substr(sent_at_text, -6, 1) = '-' THEN -1 ELSE 1 END)
                     * (CAST(substr(sent_at_text, -5, 2) AS INTEGER) * 60 + CAST(substr(sent_at_text, -2, 2) AS INTEGER))
           END AS sent_at_offset_min,
           CAST(sent_at AS DATE) AS sent_on,
           upper(sender_country) AS sender_country, receiving_unit_code, CAST(NULL AS VARCHAR) AS receiving_locality,
           amount, upper(currency) AS currency, fee, fx_margin_pct, lower(channel) AS channel,
           provider_id AS source_id, '${source_file}' AS source_file, source_line,
           strftime(sent_at, '%Y-%m') AS period, provider_id AS source
    FROM rows
) TO '${lake}' (FORMAT parquet, PARTITION_BY (period, source), FILENAME_PATTERN '${unit}~{i}');
