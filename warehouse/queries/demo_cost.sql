-- Cost of sending per corridor, provider and channel against SDG 10.c (3 %), with the World Bank figure
select sender_country, receiving_country, provider_id, channel, quarter, avg_cost_pct, txn_count, is_above_3pct, is_above_5pct, wb_avg_cost_pct
from remittance_cost
order by avg_cost_pct desc
limit 10
