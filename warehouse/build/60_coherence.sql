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

-- Each unit with the municipalities in and below it.
create table int_unit_municipalities as
select a.ancestor_code as unit_code, a.unit_code as municipality_code
from dim_unit_ancestors a
join int_coherence_units m on m.unit_code = a.unit_code and m.is_local;

-- The municipality (local unit) each unit of the local level or below belongs to.
create table int_unit_to_municipality as
select a.unit_code, a.ancestor_code as municipality_code
from dim_unit_ancestors a
join int_coherence_units m on m.unit_code = a.ancestor_code and m.is_local;

-- Money and people per municipality and year, each with whether its source reported.
create table int_municipal_year as
with rem as (
    select m.municipality_code, strftime(t.sent_on, '%Y') as period, sum(t.amount_usd) as remittance_usd
    from int_remittance_transactions t
    join int_unit_to_municipality m on m.unit_code = t.receiving_unit_code
    group by all
),
rem_countries as (
    select distinct u.country, strftime(t.sent_on, '%Y') as period
    from int_remittance_transactions t
    join dim_admin_units u on u.unit_code = t.receiving_unit_code
),
ledger as (
    select m.municipality_code, strftime(f.entry_on, '%Y') as period,
           coalesce(sum(f.amount_usd) filter (where f.funder_type = 'diaspora' and f.entry_type = 'commitment'), 0) as diaspora_usd,
           count(*) as entries
    from int_project_funding f
    join int_unit_to_municipality m on m.unit_code = f.unit_code
    group by all
),
registry as (
    select m.municipality_code, p.period
    from (select home_unit_code as unit_code, strftime(record_on, '%Y') as period from fct_registry_people
          union all
          select unit_code, strftime(delivered_on, '%Y') from fct_service_deliveries) p
    join int_unit_to_municipality m on m.unit_code = p.unit_code
    group by all
),
years as (
    select period from rem_countries
    union select period from ledger
    union select period from registry
),
grid as (
    select u.unit_code as municipality_code, u.country, y.period
    from int_coherence_units u, years y
    where u.is_local
),
final as (
    select g.municipality_code, g.country, g.period,
           rc.country is not null as remittance_reported,
           case when rc.country is not null then coalesce(r.remittance_usd, 0) end as remittance_usd,
           l.entries is not null as ledger_reported,
           l.diaspora_usd,
           rg.municipality_code is not null as registry_reported
    from grid g
    left join rem_countries rc on rc.country = g.country and rc.period = g.period
    left join rem r on r.municipality_code = g.municipality_code and r.period = g.period
    left join ledger l on l.municipality_code = g.municipality_code and l.period = g.period
    left join registry rg on rg.municipality_code = g.municipality_code and rg.period = g.period
)
select * from final;

-- What a steward excluded (quality_exclusions), per unit and year, counted in the unit and every unit above it: the
-- records (a funding entry split over its project's places counts once in each unit it reaches) and their USD value
-- (an entry's share where it is split; an amount without a USD rate adds nothing). By dataset, so each view counts
-- the exclusions from the sources it draws on.
create table int_coherence_exclusions as
with entries as (
    select 'project_funding' as dataset, e.project_id || '/' || e.entry_id as record,
           coalesce(e.unit_code, p.unit_code) as unit_code, strftime(e.entry_on, '%Y') as period,
           e.amount_usd * coalesce(p.share, 1.0) as amount_usd
    from int_quality_excluded_entries e
    left join int_project_place_shares p
      on p.project_id = case when e.unit_code is null and e.region_code is null then e.project_id end
),
transactions as (
    select 'remittance_transactions' as dataset, provider_id || '/' || txn_id as record,
           receiving_unit_code as unit_code, strftime(sent_on, '%Y') as period, amount_usd
    from int_quality_excluded_transactions
),
final as (
    select a.ancestor_code as unit_code, x.period, x.dataset,
           count(distinct x.record) as records, round(coalesce(sum(x.amount_usd), 0), 2) as usd
    from (select * from entries union all select * from transactions) x
    join dim_unit_ancestors a on a.unit_code = x.unit_code
    group by all
)
select * from final;

-- 1. Remittances against diaspora investment.
create table mart_remittance_investment_match as
with by_unit as (
    select u.unit_code, u.level, y.period,
           count(*) as municipalities,
           count(*) filter (where y.remittance_reported) as remittance_reporting,
           count(*) filter (where y.ledger_reported) as ledger_reporting,
           count(*) filter (where y.remittance_reported and y.ledger_reported) as both_reporting
    from int_coherence_units u
    join int_unit_municipalities um on um.unit_code = u.unit_code
    join int_municipal_year y on y.municipality_code = um.municipality_code
    group by all
),
rem as (
    select a.ancestor_code as unit_code, strftime(t.sent_on, '%Y') as period, sum(t.amount_usd) as usd
    from int_remittance_transactions t
    join dim_unit_ancestors a on a.unit_code = t.receiving_unit_code
    group by all
),
dia as (
    select a.ancestor_code as unit_code, strftime(f.entry_on, '%Y') as period,
           sum(f.amount_usd) filter (where f.funder_type = 'diaspora' and f.entry_type = 'commitment') as usd
    from int_project_funding f
    join dim_unit_ancestors a on a.unit_code = f.unit_code
    group by all
),
measured as (
    select b.unit_code, b.level, b.period,
           case when b.remittance_reporting > 0 then round(coalesce(r.usd, 0), 2) end as remittance_usd,
           case when b.ledger_reporting > 0 then round(coalesce(d.usd, 0), 2) end as diaspora_contribution_usd,
           round(100.0 * b.both_reporting / b.municipalities, 1) as coverage_pct
    from by_unit b
    left join rem r on r.unit_code = b.unit_code and r.period = b.period
    left join dia d on d.unit_code = b.unit_code and d.period = b.period
),
excluded as (
    select unit_code, period, sum(records) as records, sum(usd) as usd
    from int_coherence_exclusions
    group by all
),
final as (
    select m.unit_code, m.level, m.period, remittance_usd, diaspora_contribution_usd,
           case when remittance_usd > 0 and diaspora_contribution_usd is not null
                then round(100.0 * diaspora_contribution_usd / remittance_usd, 2) end as capture_pct,
           case when remittance_usd > 0 and diaspora_contribution_usd = 0 then 'uncaptured_inflow'
                when diaspora_contribution_usd > 0 and remittance_usd = 0 then 'contribution_without_inflow' end as flag,
           case when remittance_usd is null or diaspora_contribution_usd is null then 'not_reported'
                when remittance_usd = 0 then 'not_applicable'
                else 'reported' end as status,
           m.coverage_pct,
           coalesce(x.records, 0)::bigint as excluded_records,
           coalesce(x.usd, 0)::decimal(20, 2) as excluded_usd
    from measured m
    left join excluded x on x.unit_code = m.unit_code and x.period = m.period
)
select * from final;

-- 2. Sector alignment: local projects' committed money by sector against the national plan's allocations for the
-- unit's region (a country: all its regions), both as shares; score = 1 - half the sum of the absolute differences
-- of the shares (1 - total variation distance): 1 when the mixes are the same, 0 when they share no sector.
create table mart_sector_alignment as
with local_spend as (
    select a.ancestor_code as unit_code, strftime(f.entry_on, '%Y') as fiscal_year, f.sector_code, sum(f.amount_usd) as usd
    from int_project_funding f
    join dim_projects p on p.project_id = f.project_id
    join dim_unit_ancestors a on a.unit_code = f.unit_code
    where p.initiative_level = 'local' and f.entry_type = 'commitment' and f.sector_code is not null and f.amount_usd is not null
    group by all
),
plan_by_region as (
    select unit_code as region_code, fiscal_year, sector_code, sum(planned_usd) as usd
    from int_plan_allocations
    where planned_usd is not null
    group by all
),
unit_region as (
    -- the region whose plan applies to a unit: its level-1 ancestor; a country takes all its regions
    select u.unit_code, r.unit_code as region_code
    from int_coherence_units u
    join dim_unit_ancestors a on a.unit_code = u.unit_code
    join int_coherence_units r on r.unit_code = a.ancestor_code and r.level = 1
    union all
    select u.unit_code, r.unit_code
    from int_coherence_units u
    join int_coherence_units r on r.country = u.country and r.level = 1
    where u.level = 0
),
national as (
    select ur.unit_code, p.fiscal_year, p.sector_code, sum(p.usd) as usd
    from unit_region ur
    join plan_by_region p on p.region_code = ur.region_code
    group by all
),
shares as (
    select coalesce(l.unit_code, n.unit_code) as unit_code, coalesce(l.fiscal_year, n.fiscal_year) as fiscal_year,
           coalesce(l.sector_code, n.sector_code) as sector_code,
           coalesce(l.usd, 0) / nullif(sum(coalesce(l.usd, 0)) over w, 0) as local_share,
           coalesce(n.usd, 0) / nullif(sum(coalesce(n.usd, 0)) over w, 0) as national_share,
           l.usd as local_usd, n.usd as national_usd
    from local_spend l
    full join national n on n.unit_code = l.unit_code and n.fiscal_year = l.fiscal_year and n.sector_code = l.sector_code
    window w as (partition by coalesce(l.unit_code, n.unit_code), coalesce(l.fiscal_year, n.fiscal_year))
),
scored as (
    select unit_code, fiscal_year,
           case when sum(local_usd) > 0 and sum(national_usd) > 0
                then round(1 - 0.5 * sum(abs(coalesce(local_share, 0) - coalesce(national_share, 0))), 4) end as alignment_score,
           first(sector_code order by local_usd desc, sector_code) filter (where local_usd > 0) as top_local_sector,
           first(sector_code order by national_usd desc, sector_code) filter (where national_usd > 0) as top_national_sector,
           sum(local_usd) > 0 as has_local,
           sum(national_usd) > 0 as has_national
    from shares
    group by all
),
coverage as (
    select um.unit_code, y.period as fiscal_year,
           round(100.0 * count(*) filter (where y.ledger_reported) / count(*), 1) as coverage_pct
    from int_unit_municipalities um
    join int_municipal_year y on y.municipality_code = um.municipality_code
    group by all
),
final as (
    select s.unit_code, u.level, s.fiscal_year, s.alignment_score::decimal(6, 4) as alignment_score,
           s.top_local_sector, s.top_national_sector,
           case when s.has_local and s.has_national then 'reported' else 'not_reported' end as status,
           coalesce(c.coverage_pct, 0.0) as coverage_pct,
           coalesce(x.records, 0)::bigint as excluded_records,
           coalesce(x.usd, 0)::decimal(20, 2) as excluded_usd
    from scored s
    join int_coherence_units u on u.unit_code = s.unit_code
    left join coverage c on c.unit_code = s.unit_code and c.fiscal_year = cast(s.fiscal_year as varchar)
    left join int_coherence_exclusions x
      on x.unit_code = s.unit_code and x.period = cast(s.fiscal_year as varchar) and x.dataset = 'project_funding'
)
select * from final;

-- 3. Programme complementarity per unit, sector and year: national programmes (national-level projects, and
-- national government money in any project) and local initiatives (local-level projects) present in the unit or
-- below it. Both present: `complementary` when at least one project is funded by both (co-financing), else
-- `duplication_risk` (parallel projects in one sector). `gap`: a municipality in the top quartile of emigration
-- (migrants abroad registered from it, among its country's municipalities) where a sector its region's plan funds
-- that year has neither.
create table mart_programme_complementarity as
with funded as (
    select f.project_id, f.unit_code, f.sector_code, strftime(f.entry_on, '%Y') as period,
           p.initiative_level = 'national' or f.funder_type = 'national_government' as is_national,
           p.initiative_level = 'local' or f.funder_type = 'local_authority' as is_local
    from int_project_funding f
    join dim_projects p on p.project_id = f.project_id
    where f.sector_code is not null and f.unit_code is not null
),
per_project as (
    select project_id, unit_code, sector_code, period, bool_or(is_national) as national, bool_or(is_local) as local
    from funded
    group by all
),
presence as (
    select a.ancestor_code as unit_code, p.sector_code, p.period,
           bool_or(p.national) as national_present, bool_or(p.local) as local_present,
           bool_or(p.national and p.local) as co_funded
    from per_project p
    join dim_unit_ancestors a on a.unit_code = p.unit_code
    group by all
),
emigration as (
    select u.unit_code, u.country, count(m.person_id) as migrants
    from int_coherence_units u
    left join int_unit_to_municipality um on um.municipality_code = u.unit_code
    left join migrants_abroad m on m.home_unit_code = um.unit_code
    where u.is_local
    group by all
),
top_quartile as (
    select unit_code
    from (select unit_code, migrants, percent_rank() over (partition by country order by migrants) as pr from emigration)
    where migrants > 0 and pr >= 0.75
),
planned as (
    select m.unit_code, p.sector_code, cast(p.fiscal_year as varchar) as period
    from int_plan_allocations p
    join dim_unit_ancestors a on a.ancestor_code = p.unit_code
    join int_coherence_units m on m.unit_code = a.unit_code and m.is_local
    where p.planned_amount > 0
),
gaps as (
    select pl.unit_code, pl.sector_code, pl.period
    from planned pl
    join top_quartile t on t.unit_code = pl.unit_code
    left join presence pr on pr.unit_code = pl.unit_code and pr.sector_code = pl.sector_code and pr.period = pl.period
    where pr.unit_code is null
),
final as (
    select p.unit_code, u.level, p.sector_code, p.period, p.national_present, p.local_present,
           case when p.national_present and p.local_present and p.co_funded then 'complementary'
                when p.national_present and p.local_present then 'duplication_risk'
                when p.local_present then 'local_only'
                else 'national_only' end as category
    from presence p
    join int_coherence_units u on u.unit_code = p.unit_code
    where p.national_present or p.local_present
    union all
    select g.unit_code, u.level, g.sector_code, g.period, false, false, 'gap'
    from gaps g
    join int_coherence_units u on u.unit_code = g.unit_code
)
select * from final;

-- 7. Level reconciliation: what a higher level reports against the sum of what is reported below it. Now:
-- a central bank's corridor aggregates (per unit and month, all sender countries) against the providers'
-- transactions received in that unit and below it in that month. Flagged when they differ by more than the
-- tolerance (reconciliation_tolerance_pct, default 5; MIZAN_RECONCILIATION_TOLERANCE_PCT).
create table mart_level_reconciliation as
with reported as (
    select receiving_unit_code as unit_code, period, sum(amount_usd) as reported_value
    from fct_corridor_aggregates
    group by all
),
children as (
    select a.ancestor_code as unit_code, t.period, sum(t.amount_usd) as children_value
    from int_remittance_transactions t
    join dim_unit_ancestors a on a.unit_code = t.receiving_unit_code
    group by all
),
final as (
    select 'remittance_inflow_usd' as indicator, r.unit_code, u.level, r.period,
           round(r.reported_value, 2)::decimal(20, 2) as reported_value,
           round(coalesce(c.children_value, 0), 2)::decimal(20, 2) as sum_of_children,
           case when r.reported_value <> 0
                then round(100.0 * (r.reported_value - coalesce(c.children_value, 0)) / r.reported_value, 2) end::decimal(9, 2) as discrepancy_pct
    from reported r
    join int_coherence_units u on u.unit_code = r.unit_code
    left join children c on c.unit_code = r.unit_code and c.period = r.period
)
select *, abs(discrepancy_pct) > {{param:reconciliation_tolerance_pct}} as is_flagged
from final;

-- 8. The scorecard: one row per unit and year with any coherence measure. Every component is in [0, 1] and is
-- counted for a unit only on its own evidence, the views' rows of that unit (which cover it and the units below it):
--   capture        least(capture_pct / 10, 1): a tenth of the remittances captured by diaspora investment is full marks
--   alignment      alignment_score
--   reintegration  coverage_pct / 100 of all returnees (both sexes)
--   matching       share of the unit's schemes whose rule held (undecided ones left out)
--   cost           share of the unit's own transactions (received in it and below it) that came through a corridor that
--                  is not costly. A corridor is a sending country into the unit; it is costly when the mean cost_pct of
--                  the unit's transactions through it is above the SDG 10.c target of 3 % (the one definition, shared
--                  with the unit-cost tile, warehouse/named/unit-cost.sql: corridors_above_3pct)
--   reconciliation 1 - least(the largest flagged |discrepancy_pct| / 100, 1), where the unit reports
-- own_score is 100 × the mean of the unit's components when there are at least 2 of them (the documented minimum);
-- with fewer the unit has "insufficient evidence": no score, no rank. The score of a unit whose units one level down
-- have scores is the mean of their scores (so a parent agrees with its children, which `basis` names with their
-- scores); otherwise it is its own_score. rank_in_parent ranks the units with the same parent and year by score
-- (1 = best; ties share a rank).
create table mart_coherence_scorecard as
with recursive rim as (select * from mart_remittance_investment_match),
sal as (select unit_code, fiscal_year as period, alignment_score, top_local_sector, top_national_sector from mart_sector_alignment),
rc as (
    select unit_code, period, returnees, returnees_served, coverage_pct
    from mart_reintegration_coverage
    where sex = 'all'
),
ml as (
    select unit_code, period,
           avg(case when is_rule_met then 1.0 when is_rule_met = false then 0.0 end) as matching,
           string_agg(scheme || ' rule broken: ' || rule_note, '; ' order by scheme) filter (where is_rule_met = false) as broken
    from mart_matching_leverage
    group by all
),
unit_corridors as (
    -- each corridor (sending country) into the unit, over the transactions received in it and below it
    select unit_code, period, sender_country, cost_pct_sum / txn_count as corridor_cost_pct, txn_count
    from mart_unit_corridor_cost
    where txn_count > 0
),
cost_by_unit as (
    select unit_code, period,
           coalesce(sum(txn_count) filter (where corridor_cost_pct <= 3), 0) / sum(txn_count) as cost_share,
           list(sender_country || ' ' || round(corridor_cost_pct, 2) || ' % (' || txn_count
                || case when txn_count = 1 then ' transaction)' else ' transactions)' end
                order by corridor_cost_pct desc, sender_country) filter (where corridor_cost_pct > 3) as costly_list
    from unit_corridors
    group by all
),
cost as (
    -- the three costliest corridors named, the others counted
    select unit_code, period, cost_share,
           -- len() > 0: DuckDB 2.0's array_to_string gives '' for an empty list where 1.4 gave null
           case when len(costly_list) > 0 then array_to_string(costly_list[1:3], ', ') end
               || case when len(costly_list) > 3 then ' and ' || (len(costly_list) - 3) || ' more above 3 %' else '' end as costly
    from cost_by_unit
),
rec as (
    select unit_code, left(period, 4) as period,
           max(abs(discrepancy_pct)) filter (where is_flagged) as worst,
           string_agg('the central bank reported ' || reported_value || ' USD for ' || period || ', transactions sum '
                      || sum_of_children || ' (' || discrepancy_pct || ' % apart)', '; ' order by period) filter (where is_flagged) as gaps,
           count(*) as reconciled
    from mart_level_reconciliation
    group by all
),
comp as (
    select g.unit_code, g.level, g.period, u.parent_code,
           -- (DuckDB's least() skips nulls: a missing capture must stay missing, not become 1)
           case when rim.capture_pct is not null then least(rim.capture_pct / 10, 1) end as c_capture,
           sal.alignment_score as c_alignment,
           rc.coverage_pct / 100 as c_reintegration,
           ml.matching as c_matching,
           cost.cost_share as c_cost,
           case when rec.reconciled > 0 then 1 - least(coalesce(rec.worst, 0) / 100, 1) end as c_reconciliation,
           rim.flag as rim_flag, rim.remittance_usd, rim.diaspora_contribution_usd,
           sal.alignment_score, sal.top_local_sector, sal.top_national_sector,
           rc.returnees, rc.returnees_served, rc.coverage_pct as reintegration_pct,
           ml.broken, cost.costly, rec.gaps
    from (select unit_code, level, period from rim
          union select s.unit_code, u.level, s.period from sal s join int_coherence_units u using (unit_code)
          union select r.unit_code, u.level, r.period from rc r join int_coherence_units u using (unit_code)
          union select m.unit_code, u.level, m.period from ml m join int_coherence_units u using (unit_code)) g
    join int_coherence_units u on u.unit_code = g.unit_code
    left join rim on rim.unit_code = g.unit_code and rim.period = g.period
    left join sal on sal.unit_code = g.unit_code and sal.period = g.period
    left join rc on rc.unit_code = g.unit_code and rc.period = g.period
    left join ml on ml.unit_code = g.unit_code and ml.period = g.period
    left join cost on cost.unit_code = g.unit_code and cost.period = g.period
    left join rec on rec.unit_code = g.unit_code and rec.period = g.period
),
flagged as (
    select *,
           list_filter([
               case when rim_flag = 'uncaptured_inflow' then 'uncaptured_inflow' end,
               case when rim_flag = 'contribution_without_inflow' then 'contribution_without_inflow' end,
               case when alignment_score < 0.5 then 'low_alignment' end,
               case when reintegration_pct < 50 then 'low_reintegration' end,
               case when broken is not null then 'matching_rule_broken' end,
               case when costly is not null then 'costly_corridor' end,
               case when gaps is not null then 'reconciliation_gap' end], lambda x: x is not null) as flags,
           list_filter([
               case when rim_flag = 'uncaptured_inflow' then 'remittance_investment_match: ' || remittance_usd
                    || ' USD of remittances arrived and no diaspora contribution to a local project was recorded' end,
               case when rim_flag = 'contribution_without_inflow' then 'remittance_investment_match: ' || diaspora_contribution_usd
                    || ' USD of diaspora contributions and no remittance recorded' end,
               case when alignment_score < 0.5 then 'sector_alignment: score ' || alignment_score || ' (local top sector '
                    || coalesce(top_local_sector, '-') || ', national top sector ' || coalesce(top_national_sector, '-') || ')' end,
               case when reintegration_pct < 50 then 'reintegration_coverage: ' || returnees_served || ' of ' || returnees
                    || ' returnees served (' || reintegration_pct || ' %)' end,
               case when broken is not null then 'matching_leverage: ' || broken end,
               case when costly is not null then 'remittance_cost: corridors into ' || unit_code || ' above the SDG target of 3 %: '
                    || costly end,
               case when gaps is not null then 'level_reconciliation: ' || gaps end], lambda x: x is not null) as reasons,
           list_filter([c_capture, c_alignment, c_reintegration, c_matching, c_cost, c_reconciliation], lambda x: x is not null) as parts
    from comp
),
own as (
    select *,
           case when len(parts) >= 2 then round(100 * list_avg(parts), 1) end::decimal(5, 1) as own_score
    from flagged
),
-- the score, level by level from the deepest units up (any depth): the mean of the scores of the scored units
-- whose parent it is, else its own. Each step takes the next level up that has units; `recurring` holds every score
-- reached so far, so a child that skips a level (a city straight under its region) still counts for its parent.
scores(unit_code, period, level, score, children) using key (unit_code, period) as (
    select unit_code, period, level, own_score, cast(null as varchar)
    from own where level = (select max(level) from own)
    union
    select p.unit_code, p.period, any_value(p.level),
           -- the mean rounded half up, exactly: in tenths, (2 sum + n) // 2n. avg() of decimals is a double, and
           -- DuckDB 2.0 computes it inexactly (a mean of 16.35 comes out 16.3499…, rounded to 16.3; 1.4 gave 16.4)
           coalesce((((20 * sum(c.score))::hugeint + count(c.score)) // (2 * nullif(count(c.score), 0)) / 10)::decimal(5, 1),
                    any_value(p.own_score)),
           string_agg(c.unit_code || ' ' || c.score, ', ' order by c.unit_code) filter (where c.score is not null)
    from own p
    left join own k on k.parent_code = p.unit_code and k.period = p.period
    left join recurring.scores c on c.unit_code = k.unit_code and c.period = k.period
    where p.level = (select max(o.level) from own o where o.level < (select min(s.level) from scores s))
    group by p.unit_code, p.period
),
excluded as (
    select unit_code, period, sum(records) as records, sum(usd) as usd
    from int_coherence_exclusions
    group by all
),
coverage as (
    -- municipalities in and below the unit for which any source (remittances, ledgers, registries) reported
    select um.unit_code, y.period,
           round(100.0 * count(*) filter (where y.remittance_reported or y.ledger_reported or y.registry_reported) / count(*), 1) as coverage_pct
    from int_unit_municipalities um
    join int_municipal_year y on y.municipality_code = um.municipality_code
    group by all
),
final as (
    select f.unit_code, f.level, f.period, f.parent_code, s.score, f.own_score,
           case when s.children is not null then 'mean of the units below: ' || s.children
                when f.own_score is not null then 'own components (' || len(f.parts) || ')'
                when len(f.parts) > 0 then 'insufficient evidence: ' || len(f.parts) || ' component, at least 2 needed'
                else 'not reported: no component' end as basis,
           len(f.parts) as components, f.flags, f.reasons, coalesce(c.coverage_pct, 0.0) as coverage_pct,
           coalesce(x.records, 0)::bigint as excluded_records, coalesce(x.usd, 0)::decimal(20, 2) as excluded_usd
    from own f
    join scores s on s.unit_code = f.unit_code and s.period = f.period
    left join coverage c on c.unit_code = f.unit_code and c.period = f.period
    left join excluded x on x.unit_code = f.unit_code and x.period = f.period
)
select unit_code, level, period,
       score,
       case when score is not null then rank() over (partition by parent_code, period order by score desc nulls last) end as rank_in_parent,
       -- null when nothing is flagged (DuckDB 2.0's array_to_string gives '' for an empty list, 1.4 gave null)
       case when len(flags) > 0 then array_to_string(flags, ', ') end as flags,
       case when len(reasons) > 0 then array_to_string(reasons, '; ') end as reasons,
       components,
       coverage_pct,
       own_score,
       basis,
       excluded_records,
       excluded_usd
from final;

-- Public views.

-- view: remittance_investment_match — remittances arriving against diaspora money committed to projects, per unit and year
-- | unit_code: any unit from level 0 to its country's local level (admin_levels); its row covers it and every unit below it
-- | level: the unit's level
-- | period: the year
-- | remittance_usd: remittances received (sum of `amount_usd`); 0 when providers reported for the country that year and none reached the unit; null when not reported
-- | diaspora_contribution_usd: commitments by `diaspora` funders to projects in the unit; 0 when its ledgers reported that year without any; null when not reported
-- | capture_pct: `100 * diaspora_contribution_usd / remittance_usd`; null when either is not reported or nothing arrived (not applicable)
-- | flag: `uncaptured_inflow` (money arrived, no project captured any), `contribution_without_inflow` (the reverse), else null
-- | status: `reported`, `not_reported` (a source missing) or `not_applicable` (no remittance to compare with)
-- | coverage_pct: share of the municipalities in and below the unit for which both remittances and ledgers reported that year
-- | excluded_records: funding entries and remittance transactions in and below the unit that year a steward rejected and left out (`quality_exclusions`); 0 when none
-- | excluded_usd: their USD value (a split entry: the unit's share), not in remittance_usd or diaspora_contribution_usd; 0 when none
create view remittance_investment_match as
select unit_code, level, period, remittance_usd, diaspora_contribution_usd, capture_pct, flag, status, coverage_pct,
       excluded_records, excluded_usd
from mart_remittance_investment_match;

-- view: sector_alignment — the sector mix of local projects against the national plan for the unit's region, per year
-- | unit_code: any unit from level 0 to its country's local level (admin_levels) (a country is compared with all its regions' allocations)
-- | level: the unit's level
-- | fiscal_year: the plan's fiscal year, and the year of the local commitments
-- | alignment_score: `1 - ½ Σ |local share - national share|` over sectors, in [0, 1]; null unless both sides have money
-- | top_local_sector: the DAC sector with the most local commitments (ties: the lowest code)
-- | top_national_sector: the DAC sector with the largest plan allocation
-- | status: `reported` when both local commitments and plan allocations exist, else `not_reported`
-- | coverage_pct: share of the municipalities in and below the unit whose ledgers reported that year
-- | excluded_records: funding entries in and below the unit that year a steward rejected and left out (`quality_exclusions`); 0 when none
-- | excluded_usd: their USD value (a split entry: the unit's share), left out of the local sector mix; 0 when none
create view sector_alignment as
select unit_code, level, fiscal_year, alignment_score, top_local_sector, top_national_sector, status, coverage_pct,
       excluded_records, excluded_usd
from mart_sector_alignment;

-- view: programme_complementarity — national programmes and local initiatives per unit, sector and year
-- | unit_code: any unit from level 0 to its country's local level (admin_levels) (presence counts the unit and every unit below it)
-- | level: the unit's level
-- | sector_code: DAC 5-digit purpose code
-- | period: the year
-- | national_present: a national-level project, or national government money, in the sector
-- | local_present: a local-level project, or local authority money, in the sector
-- | category: `complementary` (both, co-funding a project), `duplication_risk` (both, in separate projects), `local_only`, `national_only`, or `gap` (a top-quartile emigration municipality where a sector its region's plan funds has neither)
create view programme_complementarity as
select unit_code, level, sector_code, period, national_present, local_present, category
from mart_programme_complementarity;

-- view: level_reconciliation — a higher level's own figure against the sum of what is reported below it
-- | indicator: `remittance_inflow_usd` (a central bank's corridor aggregates against providers' transactions)
-- | unit_code: the unit the higher level reports for
-- | level: the unit's level
-- | period: the period the higher level reports in (a month for central banks)
-- | reported_value: the higher level's figure
-- | sum_of_children: the sum of the lower level's figures in the unit and below it (0 when none)
-- | discrepancy_pct: `100 * (reported_value - sum_of_children) / reported_value`; null when reported_value is 0
-- | is_flagged: `abs(discrepancy_pct)` above the tolerance (MIZAN_RECONCILIATION_TOLERANCE_PCT, default 5)
create view level_reconciliation as
select indicator, unit_code, level, period, reported_value, sum_of_children, discrepancy_pct, is_flagged
from mart_level_reconciliation;

-- view: coherence_scorecard — one row per unit and year combining the coherence views, ranked among siblings
-- | unit_code: any unit from level 0 to its country's local level (admin_levels) with a coherence measure that year
-- | level: the unit's level
-- | period: the year
-- | score: the unit's score (0-100): the mean of the scores of its units one level down when they have any, else its own_score; null with insufficient evidence (warehouse/README.md, "The scorecard's score")
-- | rank_in_parent: rank by score among the units with the same parent that year (1 = best; ties share a rank); null without a score
-- | flags: comma-separated flags: uncaptured_inflow, contribution_without_inflow, low_alignment, low_reintegration, matching_rule_broken, costly_corridor (a corridor into the unit above 3 %, on its own transactions), reconciliation_gap
-- | reasons: one sentence per flag, naming the view and the numbers behind it
-- | components: how many of the six components were available (0: nothing reported, no score)
-- | coverage_pct: share of the municipalities in and below the unit for which any source reported that year
-- | own_score: 100 × the mean of the unit's own components (its own evidence) when it has at least 2; null with fewer (insufficient evidence)
-- | basis: how the score was reached: "mean of the units below: CODE score, …", "own components (N)", "insufficient evidence: 1 component, at least 2 needed" or "not reported: no component"
-- | excluded_records: funding entries and remittance transactions in and below the unit that year a steward rejected and left out of every component (`quality_exclusions`); 0 when none
-- | excluded_usd: their USD value (a split entry: the unit's share); 0 when none
create view coherence_scorecard as
select unit_code, level, period, score, rank_in_parent, flags, reasons, components, coverage_pct, own_score, basis,
       excluded_records, excluded_usd
from mart_coherence_scorecard;
