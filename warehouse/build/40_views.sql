-- The public views: the names and columns planners and tools rely on (warehouse/README.md).

create view admin_units as
select unit_code, name, level, parent_code, country, valid_from, valid_to
from dim_admin_units;

create view fx_rates as
select rate_date, currency, per_usd, fx_source
from dim_fx_rates;

create view remittance_transactions as
select txn_id, provider_id, sent_at, period, sender_country, receiving_unit_code, amount, currency, fee,
       cost_pct, amount_usd, fx_rate, fx_rate_date, channel, source_id
from int_remittance_transactions;

create view remittance_inflows as
select unit_code, level, period, amount_usd, txn_count
from mart_remittance_inflows;

create view remittance_cost as
select sender_country, receiving_country, provider_id, channel, quarter, avg_cost_pct, txn_count,
       is_above_3pct, is_above_5pct, wb_avg_cost_pct
from mart_remittance_cost;

create view corridor_aggregates as
select period, sender_country, receiving_unit_code, amount_usd, txn_count, reporter, source_id
from fct_corridor_aggregates;

create view corridor_costs as
select quarter, sender_country, receiving_country, avg_cost_pct, source_id
from fct_corridor_costs;
