-- 30_facts, model 14 of 14 (one model per file, run in the order of build/BUILD; the header of
-- 30_facts/01_fct_remittance_transactions.sql is the whole step's).

-- The first and last day of the transactions of each month: the date_range check of config/quality.yml
-- (70_quality_points.sql, int_quality_records) reads the transactions of the months that may hold a date out of
-- range only, not every transaction at every build (it uses the day of the build, so it runs at every build).
-- incremental: by period
create table int_remittance_month_dates as
select period, min(sent_on) as first_on, max(sent_on) as last_on
from fct_remittance_transactions
group by all;
