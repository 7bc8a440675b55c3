-- 72_quality_flags, model 5 of 6 (one model per file, run in the order of build/BUILD; the header of
-- 72_quality_flags/01_int_quality_candidates.sql is the whole step's).

-- view: rollup_gaps — loaded values left out of the roll-ups, and why
-- | dataset: `project_funding` or `remittance_transactions`
-- | gap: `no_gazetteer_unit` (no unit of the gazetteer to roll up to: a recipient country or region not in it), `no_fx_rate` (no rate on or before its day)
-- | currency: ISO 4217
-- | entries: rows left out
-- | amount: their sum in `currency`
create view rollup_gaps as
select 'project_funding' as dataset,
       case when f.amount_usd is null then 'no_fx_rate' else 'no_gazetteer_unit' end as gap,
       f.currency, count(*) as entries, sum(f.amount) as amount
from int_project_funding f
where f.amount_usd is null or f.unit_code is null
   or f.unit_code not in (select unit_code from dim_admin_units)
group by all
union all
select 'remittance_transactions', 'no_fx_rate', currency, sum(entries)::bigint, sum(amount)
from int_remittance_unconverted
group by all;
