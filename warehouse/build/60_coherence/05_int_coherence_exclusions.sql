-- 60_coherence, model 5 of 10 (one model per file, run in the order of build/BUILD; the header of
-- 60_coherence/01_int_coherence_units.sql is the whole step's).

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
