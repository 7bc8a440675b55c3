-- name: cost
-- description: Average cost of sending remittances per corridor, provider, channel and quarter (remittance_cost, SDG 10.c.1).
-- param: period  a quarter (2024-Q1) or a year (2024); all quarters when omitted
select c.sender_country, c.receiving_country, c.provider_id, c.channel, c.quarter, c.avg_cost_pct, c.txn_count,
       c.is_above_3pct, c.is_above_5pct, c.wb_avg_cost_pct
from remittance_cost c
where (:period is null or c.quarter like :period || '%')
order by c.quarter, c.sender_country, c.receiving_country, c.provider_id, c.channel;
