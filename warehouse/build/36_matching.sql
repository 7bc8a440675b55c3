-- Matching-fund leverage. One row per project under a matching scheme, from its commitments in USD:
-- migrant contribution (funder_type diaspora), matched public money (local_authority, national_government, and donor:
-- an official donor such as Belgium's co-financing agency matches with public funds),
-- the budget (all commitments), and whether the scheme's rule held:
--   1x1                 the public match equals the migrant contribution (within 0.5 %, for rounding and FX);
--   3x1                 at least three public funders (levels) each match it (within 0.5 %);
--   co_financing_85_15  the diaspora share is at least 15 % of the budget (0.001 USD slack for per-entry rounding).
-- A commitment without a usable FX rate is left out of the sums; the rule is then undecided (null) and the
-- note counts what was left out. The period is the year of the project's first commitment.

create table int_matching_projects as
with commitments as (
    select * from int_funding_entries where entry_type = 'commitment'
),
schemes as (
    select project_id, max(scheme) as scheme, arg_min(unit_code, source_line) as unit_code,
           strftime(min(entry_on), '%Y') as period,
           sum(amount_usd) filter (where funder_type = 'diaspora') as migrant_usd,
           sum(amount_usd) filter (where funder_type in ('local_authority', 'national_government', 'donor')) as public_usd,
           sum(amount_usd) as budget_usd,
           count(*) filter (where is_fx_missing) as excluded
    from commitments
    where scheme <> 'none'
    group by project_id
),
public_funders as (
    select project_id, funder_type, funder_name, sum(amount_usd) as matched_usd
    from commitments
    where funder_type in ('local_authority', 'national_government', 'donor') and scheme <> 'none'
    group by all
),
funder_check as (
    select f.project_id,
           count(*) as funders,
           count(*) filter (where abs(f.matched_usd - s.migrant_usd) <= 0.005 * s.migrant_usd) as funders_matching
    from public_funders f
    join schemes s using (project_id)
    group by f.project_id
),
judged as (
    select s.*, coalesce(c.funders, 0) as funders, coalesce(c.funders_matching, 0) as funders_matching,
           case
               when s.excluded > 0 then null
               when coalesce(s.migrant_usd, 0) = 0 then false
               when s.scheme = '1x1' then abs(coalesce(s.public_usd, 0) - s.migrant_usd) <= 0.005 * s.migrant_usd
               when s.scheme = '3x1' then coalesce(c.funders_matching, 0) >= 3
               when s.scheme = 'co_financing_85_15' then s.migrant_usd >= 0.15 * s.budget_usd - 0.001
           end as is_rule_met
    from schemes s
    left join funder_check c using (project_id)
),
final as (
    select project_id, scheme, unit_code, period,
           coalesce(migrant_usd, 0)::decimal(20, 4) as migrant_usd,
           coalesce(public_usd, 0)::decimal(20, 4) as public_usd,
           coalesce(budget_usd, 0)::decimal(20, 4) as budget_usd,
           excluded, is_rule_met,
           project_id || ': ' || case
               when excluded > 0 then excluded || ' commitment(s) without a USD rate left out, rule undecided'
               when coalesce(migrant_usd, 0) = 0 then 'no migrant contribution'
               when scheme = '1x1' then 'public ' || round(coalesce(public_usd, 0), 2) || ' vs migrant ' || round(migrant_usd, 2) || ' USD'
               when scheme = '3x1' then funders_matching || ' of ' || funders || ' public funders match the migrant '
                                        || round(migrant_usd, 2) || ' USD (3 needed)'
               when scheme = 'co_financing_85_15' then 'diaspora share ' || printf('%.2f', 100 * migrant_usd / budget_usd) || ' % of '
                                        || round(budget_usd, 2) || ' USD (15 % needed)'
           end as note
    from judged
)
select * from final;

-- Every level of the hierarchy: a unit's row sums the projects in it and below it; the rule holds there when it
-- holds for every project (undecided when one is undecided and none breaks it).
create table mart_matching_leverage as
with final as (
    select a.ancestor_code as unit_code, a.ancestor_level as level, m.period, m.scheme,
           sum(m.migrant_usd)::decimal(20, 4) as migrant_contribution_usd,
           sum(m.public_usd)::decimal(20, 4) as matched_public_usd,
           round(sum(m.public_usd) / nullif(sum(m.migrant_usd), 0), 4)::decimal(12, 4) as leverage_ratio,
           case when bool_or(m.is_rule_met = false) then false
                when bool_or(m.is_rule_met is null) then null
                else true end as is_rule_met,
           count(*) filter (where m.is_rule_met) || ' of ' || count(*) || ' project(s) meet the rule'
               || coalesce('; ' || string_agg(m.note, '; ' order by m.project_id) filter (where m.is_rule_met is not true), '') as rule_note
    from int_matching_projects m
    join dim_unit_ancestors a on a.unit_code = m.unit_code
    group by all
)
select * from final;

-- Ledger amounts in USD per unit (every level) and month, with the count of entries left out for want of a rate.
create table mart_project_funding_totals as
with final as (
    select a.ancestor_code as unit_code, a.ancestor_level as level, f.period,
           sum(f.amount_usd)::decimal(20, 4) as amount_usd,
           count(*) filter (where not f.is_fx_missing) as converted_entries,
           count(*) filter (where f.is_fx_missing) as excluded_entries
    from int_project_funding f
    join dim_unit_ancestors a on a.unit_code = f.unit_code
    group by all
)
select * from final;
