-- Public views of the project ledgers (warehouse/README.md, "Project ledgers").

create view projects as
select project_id, title, reporting_org, initiative_level, status, start_on, end_on, source_id
from dim_projects;

create view project_funding as
select project_id, entry_id, unit_code, sector_code, entry_type, entry_on, funder_type, funder_name, scheme,
       amount, currency, amount_usd, fx_rate, fx_rate_date, fx_source
from int_project_funding;

create view project_places as
select project_id, place_kind, unit_code, region_code, region_vocabulary, share_pct
from int_project_place_shares;

create view project_sectors as
select project_id, vocabulary, sector_code, sector_name, percentage
from dim_project_sectors;

create view plan_allocations as
select plan_id, fiscal_year, unit_code, sector_code, planned_amount, currency, planned_usd
from int_plan_allocations;

create view matching_leverage as
select unit_code, level, period, scheme, migrant_contribution_usd, matched_public_usd, leverage_ratio, is_rule_met, rule_note
from mart_matching_leverage;

create view project_funding_totals as
select unit_code, level, period, amount_usd, converted_entries, excluded_entries
from mart_project_funding_totals;

create view fx_unconverted as
select 'project_funding' as dataset, project_id as item_id, entry_id as detail, currency, amount, value_on as rate_wanted_on
from int_funding_entries
where is_fx_missing
union all
select 'plan_allocations', plan_id, fiscal_year || ' ' || unit_code || ' ' || sector_code, currency, planned_amount, rate_on
from int_plan_allocations
where is_fx_missing;

create view code_lists as
select code_list, code, name, category, status
from dim_code_lists;
