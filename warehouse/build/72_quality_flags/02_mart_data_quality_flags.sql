-- 72_quality_flags, model 2 of 6 (one model per file, run in the order of build/BUILD; the header of
-- 72_quality_flags/01_int_quality_candidates.sql is the whole step's).

create table mart_data_quality_flags as
with final as (
    select f.flag_id, f.check_name, f.method, f.dataset, f.unit_code, f.period, f.record, f.source_file, f.source_line,
           f.measure, round(f.value, 4)::decimal(24, 4) as value, f.expected_range, f.score, f.reason,
           coalesce(r.decision, 'open') as review, r.reason as review_reason, coalesce(r.is_excluded, false) as is_excluded
    from int_quality_candidates f
    left join cfg_quality_reviews r on r.flag_id = f.flag_id
)
select * from final;

-- view: data_quality_flags — values that look wrong (outliers, implausible amounts or dates), flagged, explained and still loaded
-- | flag_id: the flag's id (12 hex digits from the check, record and value): the same while the record is loaded unchanged; `./mizan review FLAG_ID`
-- | check_name: the check of config/quality.yml that raised it
-- | method: `modified_zscore`, `iqr`, `negative_amount`, `date_range`, `share_of_total`, `jump`, `level_gap`
-- | dataset: `project_funding` and `remittance_transactions` (a record), `remittance_inflows`, `project_funding_totals`, `service_deliveries` (a unit's month), `level_reconciliation`
-- | unit_code: the unit the value belongs to (for a funding entry its own unit, else its project's only place; null when it has several)
-- | period: the month (`YYYY-MM`)
-- | record: a funding entry `project_id/entry_id`, a transaction `provider_id/txn_id`, a unit's month `unit_code YYYY-MM`, a reconciliation `indicator unit_code YYYY-MM`
-- | source_file: the delivered file of a record (null for a unit's month)
-- | source_line: its line in that file (IATI: the transaction's line)
-- | measure: the number judged (`amount` in its currency, `amount_usd`, `txn_count`, `services`, `sum_of_children`)
-- | value: that number
-- | expected_range: the values the check would pass (`low .. high`, `>= 0`, `1990-01-01 .. build day`, `<= 90 % of total`)
-- | score: modified z-score; share in %; ratio to the month before; discrepancy in %; null for sign and date rules
-- | reason: the flag in plain words, with the numbers behind it
-- | review: `open`, `accepted` (the value is right) or `rejected` (it is wrong), by `./mizan review`
-- | review_reason: the steward's reason
-- | is_excluded: rejected and left out of the coherence views (listed in `quality_exclusions`)
create view data_quality_flags as
select flag_id, check_name, method, dataset, unit_code, period, record, source_file, source_line, measure, value,
       expected_range, score, reason, review, review_reason, is_excluded
from mart_data_quality_flags;
