-- name: inflows
-- description: Remittance inflows in USD per unit and period, at every level of the hierarchy (remittance_inflows).
-- param: unit    a unit code: that unit and every unit below it (e.g. NP-P1); all units when omitted
-- param: period  a month (2024-03) or a year (2024): the months that start with it; all periods when omitted
select i.unit_code, i.level, i.period, i.amount_usd, i.txn_count
from remittance_inflows i
where (:unit is null or i.unit_code in (select unit_code from dim_unit_ancestors where ancestor_code = :unit))
  and (:period is null or i.period like :period || '%')
order by i.level, i.unit_code, i.period;
