-- Contract of data_quality_flags (one row per flag): every check lists the rows that break it.
-- check: flag_id is never null and unique (a steward's review names it)
select flag_id, count(*) from data_quality_flags group by all having count(*) > 1 or flag_id is null;
-- check: flag_id is 12 hex digits; check_name, method, dataset, record, measure and reason are never null
select flag_id, check_name, dataset, record from data_quality_flags
where not regexp_full_match(flag_id, '[0-9a-f]{12}') or check_name is null or dataset is null or record is null
   or measure is null or reason is null
   or method not in ('modified_zscore', 'iqr', 'negative_amount', 'date_range', 'share_of_total', 'jump', 'level_gap');
-- check: a unit_code, where there is one, is a unit of admin_units or a recipient country's ISO code
select flag_id, unit_code from data_quality_flags
where unit_code is not null and unit_code not in (select unit_code from admin_units)
  and not regexp_full_match(unit_code, '[A-Z]{2}');
-- check: review is open, accepted or rejected, and only a rejected flag is excluded
select flag_id, review, is_excluded from data_quality_flags
where review is null or review not in ('open', 'accepted', 'rejected') or is_excluded is null or (is_excluded and review <> 'rejected');
-- check: a negative_amount flag is on a negative value, a share_of_total flag's score is a share above 0 and at most 100 %
select flag_id, method, value, score from data_quality_flags
where (method = 'negative_amount' and not value < 0) or (method = 'share_of_total' and not score between 0 and 100.0001);
