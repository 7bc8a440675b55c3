-- Data quality, 1 of 3: the values the checks of config/quality.yml (table cfg_quality_checks) look at.
-- Records: one value per row of a delivered file (a funding entry, a transaction), with its file and line.
-- Series: one value per unit and month at every level (inflows, project funding totals, services delivered),
-- with the unit's parent for the comparison across siblings. Nothing here changes a loaded row.

-- Funding entries (excluded ones included: their flag stays visible with its decision), each with the unit it is
-- known at: its own, else the project's one place when it has exactly one. Transactions (excluded ones included) only
-- when a check wants them.
create temp view int_quality_records as
with single_place as (
    select project_id, any_value(unit_code) as unit_code
    from int_project_place_shares
    where unit_code is not null
    group by project_id
    having count(*) = 1
),
entries as (
    select project_id, entry_id, unit_code, entry_type, entry_on, amount, amount_usd, currency, period, source_file, source_line
    from int_funding_entries
    union all
    select project_id, entry_id, unit_code, entry_type, entry_on, amount, amount_usd, currency, period, source_file, source_line
    from int_quality_excluded_entries
),
funding as (
    select 'project_funding' as dataset, coalesce(e.unit_code, p.unit_code) as unit_code, e.period,
           e.project_id || '/' || e.entry_id as record, e.source_file, e.source_line, e.entry_type,
           e.entry_on as record_on, e.amount::double as amount, e.amount_usd::double as amount_usd, e.currency
    from entries e
    left join single_place p on p.project_id = e.project_id
),
-- the transactions of the months a check of them may flag (int_remittance_month_dates: a date_range check looks
-- at the months with a day out of its range only; any other check at every month), and the excluded ones
checked_months as (
    select m.period
    from int_remittance_month_dates m
    join cfg_quality_checks c on c.dataset = 'remittance_transactions'
    where c.method <> 'date_range' or m.first_on < make_date(c.floor_year, 1, 1) or m.last_on > current_date
),
transactions as (
    select 'remittance_transactions' as dataset, receiving_unit_code as unit_code, period,
           provider_id || '/' || txn_id as record, source_file, source_line, 'transaction' as entry_type,
           sent_on as record_on, amount::double as amount, amount_usd::double as amount_usd, currency
    from (select * from int_remittance_transactions where period in (select period from checked_months)
          union all
          select * from int_quality_excluded_transactions)
    where exists (select 1 from cfg_quality_checks where dataset = 'remittance_transactions')
),
final as (
    select * from funding
    union all
    select * from transactions
)
select * from final;

create temp view int_quality_series as
with units as (
    select unit_code, parent_code, level
    from dim_admin_units
    qualify row_number() over (partition by unit_code order by valid_from desc) = 1
),
inflows as (
    select 'remittance_inflows' as dataset, 'amount_usd' as measure, unit_code, period, amount_usd::double as value
    from mart_remittance_inflows
    union all
    select 'remittance_inflows', 'txn_count', unit_code, period, txn_count::double
    from mart_remittance_inflows
),
funding as (
    select 'project_funding_totals' as dataset, 'amount_usd' as measure, unit_code, period, amount_usd::double as value
    from mart_project_funding_totals
),
services as (
    select 'service_deliveries' as dataset, 'services' as measure, a.ancestor_code as unit_code,
           strftime(s.delivered_on, '%Y-%m') as period, count(*)::double as value
    from fct_service_deliveries s
    join dim_unit_ancestors a on a.unit_code = s.unit_code
    group by all
),
final as (
    select s.dataset, s.measure, s.unit_code, u.parent_code, u.level, s.period, s.value
    from (select * from inflows union all select * from funding union all select * from services) s
    join units u on u.unit_code = s.unit_code
    where s.value is not null
)
select * from final;

-- The points each statistical check judges, in groups: a unit's months (history) or a parent's units in one month
-- (siblings; a country has no siblings). 71_quality_scores.sql scores them.
create temp table int_quality_points as
with final as (
    select c.check_name, s.dataset, s.measure, s.unit_code, s.period, s.value,
           case c.across when 'history' then s.unit_code else s.parent_code || ' ' || s.period end as grp
    from cfg_quality_checks c
    join int_quality_series s on s.dataset = c.dataset and s.measure = c.measure
    where c.method in ('modified_zscore', 'iqr')
      and (c.across = 'history' or s.parent_code is not null)
)
select * from final;
