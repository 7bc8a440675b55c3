-- `mizan flags`: the data-quality flags, filtered by unit (it and every unit below it), period (a year or a month)
-- and check; each filter is ignored when null. Open flags first.
select flag_id, check_name, unit_code, period, record, source_file, source_line, value, expected_range, score, reason,
       review, review_reason, is_excluded
from data_quality_flags
where (?::varchar is null or unit_code in (select unit_code from dim_unit_ancestors where ancestor_code = ?::varchar))
  and (?::varchar is null or period like ?::varchar || '%')
  and (?::varchar is null or check_name = ?::varchar)
  and (?::varchar = 'all' or review = ?::varchar)
order by review = 'open' desc, check_name, unit_code nulls last, period, record;
