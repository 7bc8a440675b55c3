-- 60_coherence, model 7 of 10 (one model per file, run in the order of build/BUILD; the header of
-- 60_coherence/01_int_coherence_units.sql is the whole step's).

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
