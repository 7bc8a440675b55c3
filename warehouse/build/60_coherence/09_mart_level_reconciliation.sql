-- 60_coherence, model 9 of 10 (one model per file, run in the order of build/BUILD; the header of
-- 60_coherence/01_int_coherence_units.sql is the whole step's).

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
    from int_remittance_unit_month t
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
