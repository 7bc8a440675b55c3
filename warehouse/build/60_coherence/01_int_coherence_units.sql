-- The coherence views (README.md, "For national planners"): per unit and year, at every level of the
-- hierarchy from the country (0) down to its local level (admin_levels.is_local_level: 3, the municipality, unless
-- the country's gazetteer declares another, as deep as 12). Below the local level (wards, barangays under a
-- local city) a fact counts in its local unit and every unit above it; those units have no row of their own.
-- "Municipality" below means a unit of its country's local level. A `period` here is a calendar year (`2024`), except in
-- level_reconciliation, which keeps the period the higher level reports in (a month for central banks).
--
-- Missing is not zero. A measure is
--   0 (status `reported`) when its sources covered the unit that year and nothing happened;
--   null with status `not_reported` when no source covered the unit (or not all the sources it needs);
--   null with status `not_applicable` when it cannot be computed (a share of nothing).
-- `coverage_pct` is the share of the municipalities in and below the unit (the unit itself at the local level) whose
-- sources reported that year; `excluded_records` and `excluded_usd` count what a steward excluded from the view's
-- sources in and below the unit that year (quality_exclusions), 0 when nothing was.
--
-- What counts as reported: remittances, for every unit of a country in a year in which any provider delivered
-- transactions for that country (providers report nationally); ledgers, for a municipality with any funding entry
-- in it or below it that year; registries, for a municipality with any registry record (person or service) of its
-- residents that year; plans, for a region (level 1) with allocations for the fiscal year.

-- The units views report on: the latest validity row of each unit from its country (0) to its local level.
create table int_coherence_units as
select u.unit_code, u.name, u.level, u.parent_code, u.country, u.level = l.level as is_local
from dim_admin_units u
join dim_admin_levels l on l.country = u.country and l.is_local_level
where u.level <= l.level
qualify row_number() over (partition by u.unit_code order by u.valid_from desc) = 1;
