-- 60_coherence, model 10 of 10 (one model per file, run in the order of build/BUILD; the header of
-- 60_coherence/01_int_coherence_units.sql is the whole step's).

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
