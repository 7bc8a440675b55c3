-- Contract of level_reconciliation: every check lists the rows that break it (none may).
-- check: indicator, unit_code and period are never null, and unique together
select indicator, unit_code, period, count(*) from level_reconciliation group by all
having count(*) > 1 or indicator is null or unit_code is null or period is null;
-- check: discrepancy_pct = 100 * (reported_value - sum_of_children) / reported_value
select * from level_reconciliation
where abs(discrepancy_pct - 100.0 * (reported_value - sum_of_children) / reported_value) > 0.01;
-- check: the children's sum is the transactions' in the unit and below it
select r.unit_code, r.period, r.sum_of_children, sum(t.amount_usd)
from level_reconciliation r
left join dim_unit_ancestors a on a.ancestor_code = r.unit_code
left join int_remittance_transactions t on t.receiving_unit_code = a.unit_code and t.period = r.period
where r.indicator = 'remittance_inflow_usd'
group by all
having abs(r.sum_of_children - coalesce(round(sum(t.amount_usd), 2), 0)) > 0.01;
