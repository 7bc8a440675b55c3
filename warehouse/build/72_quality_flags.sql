-- Data quality, 3 of 3: the flags, with the steward's decisions (cfg_quality_reviews), the public views
-- data_quality_flags, data_quality_unjudged, quality_exclusions and rollup_gaps, and the scorecard's flag.
-- A flag's id is the first 12 hex digits of sha256(check | dataset | record | measure | value): the same for the
-- same record loaded again unchanged, so a decision taken on it holds across rebuilds and reloads.

create temp table int_quality_candidates as
with stat as (
    select check_name, method, dataset, unit_code, period, unit_code || ' ' || period as record,
           null::varchar as source_file, null::bigint as source_line, measure, value,
           printf('%.2f .. %.2f', expected_low, expected_high) as expected_range, score,
           case when method = 'modified_zscore'
                then 'modified z-score ' || printf('%.2f', score) || ' beyond ±' || printf('%.1f', threshold_of) || ' against the '
                     || case across when 'history' then 'unit''s ' || n || ' months' else n || ' units with the same parent that month' end
                     || ' (median ' || printf('%.2f', med) || ', MAD ' || printf('%.2f', mad) || ')'
                else 'outside the IQR fences of the '
                     || case across when 'history' then 'unit''s ' || n || ' months' else n || ' units with the same parent that month' end
                     || ' (Q1 ' || printf('%.2f', q1) || ', Q3 ' || printf('%.2f', q3) || ')' end as reason
    from (select s.*, c.threshold as threshold_of from int_quality_scored s join cfg_quality_checks c using (check_name))
    where verdict = 'outlier'
),
jump as (
    select c.check_name, c.method, s.dataset, s.unit_code, s.period, s.unit_code || ' ' || s.period as record,
           null::varchar as source_file, null::bigint as source_line, s.measure, s.value,
           printf('%.2f .. %.2f', s.prev / c.factor, s.prev * c.factor) as expected_range,
           round(s.value / s.prev, 4) as score,
           printf('%.2f', s.value) || ' is ' || printf('%.2f', s.value / s.prev) || '× the month before (' || s.prev_period
               || ': ' || printf('%.2f', s.prev) || '), beyond the factor ' || printf('%g', c.factor) as reason
    from cfg_quality_checks c
    join (select *, lag(value) over w as prev, lag(period) over w as prev_period
          from int_quality_series
          window w as (partition by dataset, measure, unit_code order by period)) s
      on s.dataset = c.dataset and s.measure = c.measure
    where c.method = 'jump' and s.prev > 0
      and s.prev_period = strftime(strptime(s.period, '%Y-%m') - interval 1 month, '%Y-%m')
      and (s.value > s.prev * c.factor or s.value < s.prev / c.factor)
),
gap as (
    select c.check_name, c.method, c.dataset, r.unit_code, r.period, r.indicator || ' ' || r.unit_code || ' ' || r.period as record,
           null::varchar as source_file, null::bigint as source_line, c.measure, r.sum_of_children::double as value,
           printf('%.2f .. %.2f', r.reported_value * (1 - c.tolerance_pct / 100), r.reported_value * (1 + c.tolerance_pct / 100)) as expected_range,
           r.discrepancy_pct::double as score,
           'the units below report ' || printf('%.2f', r.sum_of_children) || ', the level above ' || printf('%.2f', r.reported_value)
               || ' (' || printf('%.1f', r.discrepancy_pct) || ' %, tolerance ' || printf('%g', c.tolerance_pct) || ' %)' as reason
    from cfg_quality_checks c
    join mart_level_reconciliation r on c.method = 'level_gap'
    where r.reported_value <> 0 and abs(r.discrepancy_pct) > c.tolerance_pct
),
records as (
    select c.check_name, c.method, c.dataset, c.measure, c.entry_types, c.floor_year, c.max_share_pct, c.share_of, c.min_points,
           r.unit_code, r.period, r.record, r.source_file, r.source_line, r.entry_type, r.record_on, r.currency,
           case c.measure when 'amount' then r.amount else r.amount_usd end as value
    from cfg_quality_checks c
    join int_quality_records r on r.dataset = c.dataset
    where c.method in ('negative_amount', 'date_range', 'share_of_total')
),
negative as (
    select check_name, method, dataset, unit_code, period, record, source_file, source_line, measure, value,
           '>= 0' as expected_range, null::double as score,
           'negative ' || replace(entry_type, '_', ' ') || ' (' || printf('%.2f', value) || ' ' || case measure when 'amount' then currency else 'USD' end
               || ') where ' || replace(entry_type, '_', ' ') || 's cannot be negative' as reason
    from records
    where method = 'negative_amount' and value < 0 and list_contains(entry_types, entry_type)
),
dates as (
    select check_name, method, dataset, unit_code, period, record, source_file, source_line, measure, value,
           floor_year || '-01-01 .. ' || current_date as expected_range, null::double as score,
           case when record_on > current_date then 'dated ' || record_on || ', after the day of this build (' || current_date || '): no delivery can hold it yet'
                else 'dated ' || record_on || ', before ' || floor_year || ', the earliest year this dataset can hold' end as reason
    from records
    where method = 'date_range' and (record_on < make_date(floor_year, 1, 1) or record_on > current_date)
),
shares as (
    select *, sum(value) filter (where value > 0) over w as group_total, count(value) over w as group_records
    from records
    where method = 'share_of_total' and (entry_types is null or list_contains(entry_types, entry_type))
    window w as (partition by check_name, case share_of when 'file' then source_file else unit_code end)
),
share as (
    select check_name, method, dataset, unit_code, period, record, source_file, source_line, measure, value,
           '<= ' || printf('%g', max_share_pct) || ' % of ' || printf('%.2f', group_total) as expected_range,
           round(100 * value / group_total, 4) as score,
           printf('%.2f', 100 * value / group_total) || ' % of its ' || case share_of when 'file' then 'file''s' else 'unit''s' end || ' total ('
               || printf('%.2f', value) || ' of ' || printf('%.2f', group_total) || ' over ' || group_records || ' records), above '
               || printf('%g', max_share_pct) || ' %' as reason
    from shares
    where value > 0 and group_records >= min_points and 100 * value / group_total > max_share_pct
),
final as (
    select * from stat
    union all by name select * from jump
    union all by name select * from gap
    union all by name select * from negative
    union all by name select * from dates
    union all by name select * from share
)
select substr(sha256(check_name || '|' || dataset || '|' || record || '|' || measure || '|' || coalesce(value::varchar, '')), 1, 12) as flag_id, *
from final;

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

-- view: data_quality_unjudged — groups a statistical check could not judge: too few values, neither flagged nor passed
-- | check_name: the check of config/quality.yml
-- | dataset: as in `data_quality_flags`
-- | measure: as in `data_quality_flags`
-- | unit_code: the unit (history), or the parent whose units were compared (siblings)
-- | period: null for a unit's history; the month for siblings
-- | points: how many values there were
-- | needed: how many the check needs (`min_points`)
-- | reason: `not enough history` or `not enough siblings`, with the counts
create view data_quality_unjudged as
select distinct check_name, dataset, measure,
       case across when 'history' then unit_code else split_part(grp, ' ', 1) end as unit_code,
       case across when 'history' then null else period end as period,
       n as points, min_points as needed,
       verdict || ': ' || n || ' of the ' || min_points || ' values needed' as reason
from int_quality_scored
where verdict like 'not enough %';

-- view: quality_exclusions — funding entries and remittance transactions a steward rejected and excluded from the coherence views (reviews.yml)
-- | flag_id: the flag reviewed
-- | dataset: `project_funding` or `remittance_transactions`
-- | record: `project_id/entry_id`, or `provider_id/txn_id`
-- | unit_code: the entry's own unit (null when the project's places split it), or the transaction's receiving unit
-- | period: the entry's or the transaction's month
-- | amount: the amount in its currency
-- | currency: ISO 4217
-- | amount_usd: its USD value, left out of every total and coherence view
-- | reason: the steward's reason
create view quality_exclusions as
select r.flag_id, 'project_funding' as dataset, e.project_id || '/' || e.entry_id as record, e.unit_code, e.period,
       e.amount, e.currency, e.amount_usd, r.reason
from int_quality_excluded_entries e
join cfg_quality_reviews r on r.record = e.project_id || '/' || e.entry_id and r.is_excluded and r.dataset = 'project_funding'
union all
select r.flag_id, 'remittance_transactions', t.provider_id || '/' || t.txn_id, t.receiving_unit_code, t.period,
       t.amount, t.currency, t.amount_usd, r.reason
from int_quality_excluded_transactions t
join cfg_quality_reviews r on r.record = t.provider_id || '/' || t.txn_id and r.is_excluded and r.dataset = 'remittance_transactions';

-- view: rollup_gaps — loaded values left out of the roll-ups, and why
-- | dataset: `project_funding` or `remittance_transactions`
-- | gap: `no_gazetteer_unit` (no unit of the gazetteer to roll up to: a recipient country or region not in it), `no_fx_rate` (no rate on or before its day)
-- | currency: ISO 4217
-- | entries: rows left out
-- | amount: their sum in `currency`
create view rollup_gaps as
select 'project_funding' as dataset,
       case when f.amount_usd is null then 'no_fx_rate' else 'no_gazetteer_unit' end as gap,
       f.currency, count(*) as entries, sum(f.amount) as amount
from int_project_funding f
where f.amount_usd is null or f.unit_code is null
   or f.unit_code not in (select unit_code from dim_admin_units)
group by all
union all
select 'remittance_transactions', 'no_fx_rate', currency, count(*), sum(amount)
from int_remittance_transactions
where amount_usd is null
group by all;

-- The scorecard names the open (or rejected, not excluded) flags on values in and below a unit that year.
update mart_coherence_scorecard s
set flags = coalesce(nullif(s.flags, '') || ', ', '') || 'flagged_values',
    reasons = coalesce(nullif(s.reasons, '') || '; ', '') || q.sentence
from (
    select a.ancestor_code as unit_code, left(f.period, 4) as period,
           'data_quality_flags: ' || count(distinct f.flag_id) || ' unreviewed or rejected flag(s) on values in the unit ('
               || string_agg(distinct f.check_name, ', ' order by f.check_name) || ').' as sentence
    from mart_data_quality_flags f
    join dim_unit_ancestors a on a.unit_code = f.unit_code
    where f.review = 'open' or (f.review = 'rejected' and not f.is_excluded)
    group by all
) q
where q.unit_code = s.unit_code and q.period = s.period;
