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
