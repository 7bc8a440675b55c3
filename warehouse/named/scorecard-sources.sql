-- name: scorecard-sources
-- description: Drill to source: the lake partitions, delivered files and lines behind a scorecard row (unit and year).
-- param: unit    the scorecard row's unit (its own records and those of every unit below it)
-- param: period  the scorecard row's year (2024)
with units as (
    select unit_code from dim_unit_ancestors where ancestor_code = :unit
)
select 'remittance_transactions' as dataset, t.period as partition_period, t.source_id, t.source_file, t.source_line,
       t.provider_id || '/' || t.txn_id as record
from int_remittance_transactions t
where t.receiving_unit_code in (select unit_code from units) and strftime(t.sent_on, '%Y') = :period
union all
select 'funding_entries', e.period, e.source_id, e.source_file, e.source_line, e.project_id || '/' || e.entry_id
from int_funding_entries e
where e.unit_code in (select unit_code from units) and strftime(e.entry_on, '%Y') = :period
union all
select 'registry_people', p.period, p.source_id, p.source_file, p.source_line, p.registry || ' ' || p.person_id
from fct_registry_people p
where p.home_unit_code in (select unit_code from units) and strftime(p.record_on, '%Y') = :period
union all
select 'service_deliveries', s.period, s.source_id, s.source_file, s.source_line, s.service_id
from fct_service_deliveries s
where s.unit_code in (select unit_code from units) and strftime(s.delivered_on, '%Y') = :period
union all
select 'plan_allocations', cast(a.fiscal_year as varchar), a.source_id, null, null, a.plan_id || ' ' || a.sector_code
from int_plan_allocations a
where a.unit_code in (select ancestor_code from dim_unit_ancestors where unit_code = :unit) and cast(a.fiscal_year as varchar) = :period
order by 1, 4, 5, 6;
