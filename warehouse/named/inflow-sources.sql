-- name: inflow-sources
-- description: Drill to source: the lake partitions, delivered files and lines behind a unit's remittance inflow in a period.
-- param: unit    the unit of the inflow row (any level: its own transactions and those of every unit below it)
-- param: period  the month of the inflow row (2024-03)
select t.period, t.source_id, t.source_file, t.source_line, t.txn_id, t.provider_id, t.receiving_unit_code,
       t.amount, t.currency, t.amount_usd
from int_remittance_transactions t
where t.receiving_unit_code in (select unit_code from dim_unit_ancestors where ancestor_code = :unit)
  and t.period = :period
order by t.source_file, t.source_line;
