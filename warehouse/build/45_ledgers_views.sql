-- Public views of the project ledgers (warehouse/README.md, "Project ledgers": how amounts are split and converted).
-- The doc block above each view is its data dictionary entry.

-- view: projects — one row per project (IATI activity or ledger project)
-- | project_id: the IATI identifier, or the ledger's `project_id`
-- | title: the first narrative of the IATI title; the ledger's `title` of the project's first row
-- | reporting_org: IATI: the reporting organisation's name; ledger: the local authority that funds it (first `local_authority` funder), else null
-- | initiative_level: `local`, `national` or `international`; IATI: `national` when reported by a government (org type 10, 15), `local` for a local government (11), else `international`
-- | status: IATI activity status: `pipeline`, `implementation`, `finalisation`, `closed`, `cancelled`, `suspended`; null for ledgers
-- | start_on: IATI: actual start (activity-date type 2), else planned (1); ledger: the first entry's date
-- | end_on: IATI: actual end (type 4), else planned (3); null for ledgers
-- | source_id: the lake partition's source: the IATI reporting-org `@ref`; the ledger row's unit (or the mapping's `source_id`)
create view projects as
select project_id, title, reporting_org, initiative_level, status, start_on, end_on, source_id
from dim_projects;

-- view: project_funding — money entries of projects, split by sector and place, with their USD value and its provenance
-- | project_id: the project
-- | entry_id: a ledger's `entry_id`; `T1`, `T2`, … for an IATI activity's transactions in file order (with unit_code and sector_code, the row's key)
-- | unit_code: the admin unit (a country at level 0) the money goes to; null for money to a recipient region (see `project_places`)
-- | sector_code: OECD DAC 5-digit purpose code; null when the project gives none (vocabulary 1)
-- | entry_type: ledgers: `commitment`, `disbursement`, `expenditure`; IATI: `incoming_funds` (1), `commitment` (2), `disbursement` (3), `expenditure` (4), `incoming_commitment` (11), the other TransactionType names in snake case
-- | entry_on: the entry's date
-- | funder_type: `local_authority`, `national_government`, `diaspora`, `donor`, `private`, `community`; IATI: from the provider's organisation type (10, 15 national_government; 11 local_authority; 30, 70-73 private; others donor)
-- | funder_name: the funder; IATI: the provider organisation, for an outgoing transaction without one the reporting organisation
-- | scheme: `none`, `1x1`, `3x1`, `co_financing_85_15` (IATI: `none`)
-- | amount: the entry's share in its own currency, 4 places
-- | currency: ISO 4217
-- | amount_usd: `amount / fx_rate`, 4 places; null when no rate exists on or before the value date (kept, listed in `fx_unconverted`, left out of USD totals)
-- | fx_rate: units of `currency` per US dollar used (1 for US dollars)
-- | fx_rate_date: the day of that rate: the value date (IATI `@value-date`, else the entry date), or the nearest earlier day with a rate
-- | fx_source: the rate's source (`fx_rates.fx_source`; `identity` for US dollars)
create view project_funding as
select project_id, entry_id, unit_code, sector_code, entry_type, entry_on, funder_type, funder_name, scheme,
       amount, currency, amount_usd, fx_rate, fx_rate_date, fx_source
from int_project_funding;

-- view: project_places — where an IATI activity's money goes
-- | project_id: the activity
-- | place_kind: `unit`: every `location/administrative/@code` is a unit of the gazetteer, and `unit_code` is their lowest common unit; `country`: otherwise each `recipient-country`, as the level-0 unit of that code; `region`: each `recipient-region`, kept as a region
-- | unit_code: the unit or country
-- | region_code: the recipient region's code
-- | region_vocabulary: IATI RegionVocabulary (1 = OECD DAC)
-- | share_pct: the `@percentage` given; 100 for a lone place without one, equal shares for several without
create view project_places as
select project_id, place_kind, unit_code, region_code, region_vocabulary, share_pct
from int_project_place_shares;

-- view: project_sectors — an IATI activity's sectors, in every vocabulary
-- | project_id: the activity
-- | vocabulary: IATI SectorVocabulary: 1 DAC 5-digit, 2 DAC 3-digit, 98/99 the reporter's own
-- | sector_code: the code in that vocabulary
-- | sector_name: the narrative the file gives
-- | percentage: the `@percentage`; 100 for a vocabulary's lone sector without one, equal shares for several without
create view project_sectors as
select project_id, vocabulary, sector_code, sector_name, percentage
from dim_project_sectors;

-- view: plan_allocations — national plan allocations (format 7)
-- | plan_id: the plan
-- | fiscal_year: as written (`2024`, `2024/25`)
-- | unit_code: the unit the allocation is for
-- | sector_code: OECD DAC 5-digit purpose code
-- | planned_amount: in `currency`
-- | currency: ISO 4217
-- | planned_usd: converted at the rate of 1 January of the fiscal year's first year, or the nearest earlier one; null (listed in `fx_unconverted`) without one
create view plan_allocations as
select plan_id, fiscal_year, unit_code, sector_code, planned_amount, currency, planned_usd
from int_plan_allocations;

-- view: matching_leverage — migrant contributions against matched public money, and whether each scheme's rule held, at every level
-- | unit_code: every unit that holds a matching project, and each of its ancestors
-- | level: the unit's level
-- | period: the year (`YYYY`) of the project's first commitment
-- | scheme: `1x1`, `3x1` or `co_financing_85_15`
-- | migrant_contribution_usd: commitments by `diaspora` funders
-- | matched_public_usd: commitments by `local_authority`, `national_government` and `donor` funders (an official donor, such as Belgium's co-financing agency, matches with public money)
-- | leverage_ratio: `matched_public_usd / migrant_contribution_usd`, 4 places; null without a migrant contribution
-- | is_rule_met: per project, over its commitments in USD: 1x1 the public match equals the migrant contribution (within 0.5 %); 3x1 at least three public funders each match it (within 0.5 %); 85/15 the diaspora share is at least 15 % of the budget (all commitments). No migrant contribution breaks the rule; a commitment without an FX rate makes it undecided (null). A unit: false when a project under it breaks the rule, else null when one is undecided, else true
-- | rule_note: `k of n project(s) meet the rule`, then why each other project does not (`DHK-2023-08: public 2264.15 vs migrant 3018.87 USD`)
create view matching_leverage as
select unit_code, level, period, scheme, migrant_contribution_usd, matched_public_usd, leverage_ratio, is_rule_met, rule_note
from mart_matching_leverage;

-- view: project_funding_totals — project money in USD per unit and month, at every level, with what was left out
-- | unit_code: any unit; its row sums the parts of `project_funding` in it and below it
-- | level: the unit's level
-- | period: month (`YYYY-MM`) of the entry
-- | amount_usd: sum of the converted parts
-- | converted_entries: parts in the sum
-- | excluded_entries: parts left out for want of an FX rate
create view project_funding_totals as
select unit_code, level, period, amount_usd, converted_entries, excluded_entries
from mart_project_funding_totals;

-- view: fx_unconverted — amounts kept without a USD value (no rate on or before their day)
-- | dataset: `project_funding` or `plan_allocations`
-- | item_id: the project or plan
-- | detail: the entry id; for a plan, its fiscal year, unit and sector
-- | currency: ISO 4217
-- | amount: the amount in `currency`
-- | rate_wanted_on: the day a rate was looked for, on or before
create view fx_unconverted as
select 'project_funding' as dataset, project_id as item_id, entry_id as detail, currency, amount, value_on as rate_wanted_on
from int_funding_entries
where is_fx_missing
union all
select 'plan_allocations', plan_id, fiscal_year || ' ' || unit_code || ' ' || sector_code, currency, planned_amount, rate_on
from int_plan_allocations
where is_fx_missing;

-- view: code_lists — IATI code lists (Sector, Currency, TransactionType, …) with their names
-- | code_list: the list's `@name`
-- | code: the code
-- | name: its English name
-- | category: the Sector list's 3-digit category; null in lists without one
-- | status: `active` or `withdrawn`
create view code_lists as
select code_list, code, name, category, status
from dim_code_lists;
