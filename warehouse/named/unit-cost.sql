-- name: unit-cost
-- description: Cost of sending the remittances a unit and the units below it received, per year: each corridor's (sending country's) mean cost_pct, their mean, and how many corridors are above the SDG 10.c target of 3 %.
-- param: unit    a unit code: the remittances received in it and below it (e.g. NP-P1); every unit when omitted
-- param: period  a year (2024); every year when omitted
with corridors as (
    select unit_code, level, period, sender_country, cost_pct_sum / txn_count as corridor_cost_pct, txn_count
    from mart_unit_corridor_cost
    where txn_count > 0
      and (:unit is null or unit_code = :unit)
      and (:period is null or period like :period || '%')
),
final as (
    select unit_code, level, period,
           round(avg(corridor_cost_pct), 4) as avg_cost_pct,
           count(*) as corridors,
           count(*) filter (where corridor_cost_pct > 3) as corridors_above_3pct,
           sum(txn_count) as txn_count,
           round(avg(corridor_cost_pct), 4) > 3 as is_above_3pct
    from corridors
    group by all
)
select * from final
order by period, level, unit_code
