-- 60_coherence, model 6 of 10 (one model per file, run in the order of build/BUILD; the header of
-- 60_coherence/01_int_coherence_units.sql is the whole step's).

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
    select a.ancestor_code as unit_code, t.year as period, sum(t.amount_usd) as usd
    from int_remittance_unit_month t
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
