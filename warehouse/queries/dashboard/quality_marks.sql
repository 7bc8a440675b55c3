-- The overview's and unit pages' data-quality marks: per view (a panel's source), the open flags, and the rejected
-- ones still counted, on values its figures for the unit (it and every unit below it) and period rest on.
-- Bound: unit, period, period. Which flagged datasets feed which views: the list below (warehouse/README.md,
-- "Data quality").
with feeds(view_name, dataset) as (
    values ('remittance_inflows', 'remittance_transactions'), ('remittance_inflows', 'remittance_inflows'),
           ('remittance_investment_match', 'remittance_transactions'), ('remittance_investment_match', 'remittance_inflows'),
           ('remittance_investment_match', 'project_funding'), ('remittance_investment_match', 'project_funding_totals'),
           ('sector_alignment', 'project_funding'), ('programme_complementarity', 'project_funding'),
           ('matching_leverage', 'project_funding'), ('project_funding_totals', 'project_funding'),
           ('project_funding_totals', 'project_funding_totals'), ('reintegration_coverage', 'service_deliveries'),
           ('level_reconciliation', 'level_reconciliation'), ('level_reconciliation', 'remittance_transactions'),
           ('coherence_scorecard', 'remittance_transactions'), ('coherence_scorecard', 'remittance_inflows'),
           ('coherence_scorecard', 'project_funding'), ('coherence_scorecard', 'project_funding_totals'),
           ('coherence_scorecard', 'service_deliveries'), ('coherence_scorecard', 'level_reconciliation')
)
select x.view_name, count(distinct f.flag_id) as flags
from data_quality_flags f
join feeds x on x.dataset = f.dataset
where f.unit_code in (select unit_code from dim_unit_ancestors where ancestor_code = cast(? as varchar))
  and (cast(? as varchar) is null or f.period like cast(? as varchar) || '%')
  and (f.review = 'open' or (f.review = 'rejected' and not f.is_excluded))
group by x.view_name
order by x.view_name;
