-- Rows in each public view of the published warehouse, for `mizan status` and the demo.
select 'admin_units' as view_name, count(*) as row_count from admin_units
union all select 'fx_rates', count(*) from fx_rates
union all select 'remittance_transactions', count(*) from remittance_transactions
union all select 'remittance_inflows', count(*) from remittance_inflows
union all select 'remittance_cost', count(*) from remittance_cost
union all select 'corridor_aggregates', count(*) from corridor_aggregates
union all select 'corridor_costs', count(*) from corridor_costs
union all select 'projects', count(*) from projects
union all select 'project_funding', count(*) from project_funding
union all select 'plan_allocations', count(*) from plan_allocations
union all select 'matching_leverage', count(*) from matching_leverage
union all select 'code_lists', count(*) from code_lists
union all select 'migrants_abroad', count(*) from migrants_abroad
union all select 'returnees', count(*) from returnees
union all select 'service_deliveries', count(*) from service_deliveries
union all select 'reintegration_coverage', count(*) from reintegration_coverage
