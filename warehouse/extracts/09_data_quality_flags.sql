-- name: data_quality_flags
-- description: Values in the region's figures that the data-quality checks flagged (outliers, implausible amounts or dates), with the steward's review; the rows stay in the other views unless excluded.
-- key: flag_id
-- period: month
-- param: region      the recipient's region (level 1)
-- param: from_month  the first month of the extract's period (YYYY-MM)
-- param: to_month    the last month of the extract's period (YYYY-MM)
-- withheld: value, expected_range, score, reason
-- A count of services is a count of people served: its value, range, score and reason stay with the national team
-- (the dashboard shows a regional viewer these cells as this extract publishes them).
select flag_id, check_name, method, dataset, unit_code, period, record, source_file, source_line, measure,
       case when dataset <> 'service_deliveries' then value end as value,
       case when dataset <> 'service_deliveries' then expected_range end as expected_range,
       case when dataset <> 'service_deliveries' then score end as score,
       case when dataset <> 'service_deliveries' then reason else 'a count of services outside its usual range (withheld: counts of people)' end as reason,
       review, review_reason, is_excluded
from data_quality_flags
where unit_code in (select unit_code from dim_unit_ancestors where ancestor_code = :region) and period between :from_month and :to_month
order by unit_code, period, check_name, record;
