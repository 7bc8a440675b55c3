-- name: level_reconciliation
-- description: A higher level's own figure against the sum reported below it, for the region's units and the months of the period.
-- key: indicator, unit_code, period
-- period: month
-- param: region      the recipient's region (level 1)
-- param: from_month  the first month of the extract's period (YYYY-MM)
-- param: to_month    the last month of the extract's period (YYYY-MM)
select indicator, unit_code, level, period, reported_value, sum_of_children, discrepancy_pct, is_flagged
from level_reconciliation
where unit_code in (select unit_code from dim_unit_ancestors where ancestor_code = :region) and period between :from_month and :to_month
order by indicator, level, unit_code, period;
