-- Contract of plan_allocations (one row per plan, fiscal year, unit and sector): every check lists the rows that break it.
-- check: plan_id, fiscal_year, unit_code and sector_code are never null, and unique together
select plan_id, fiscal_year, unit_code, sector_code, count(*) from plan_allocations group by all
having count(*) > 1 or plan_id is null or fiscal_year is null or unit_code is null or sector_code is null;
-- check: unit_code is a unit of admin_units
select plan_id, fiscal_year, unit_code from plan_allocations where unit_code not in (select unit_code from admin_units);
-- check: sector_code is an OECD DAC 5-digit code; planned_amount is not negative, and so is planned_usd where there is one
select * from plan_allocations
where not regexp_full_match(sector_code, '[0-9]{5}') or planned_amount is null or planned_amount < 0 or planned_usd < 0;
-- check: an allocation in US dollars keeps its amount as planned_usd
select * from plan_allocations where currency = 'USD' and planned_usd is distinct from planned_amount;
