-- name: remittance_cost
-- description: Average cost of sending to the region (SDG 10.c.1), per corridor, provider, channel and quarter, from the transactions received in the region's units only; the World Bank's corridor average beside it.
-- key: sender_country, provider_id, channel, quarter
-- period: quarter
-- param: region      the recipient's region (level 1)
-- param: from_month  the first month of the extract's period (YYYY-MM)
-- param: to_month    the last month of the extract's period (YYYY-MM)
with regional as (
    select t.sender_country, u.country as receiving_country, t.provider_id, t.channel,
           strftime(t.sent_at, '%Y') || '-Q' || quarter(t.sent_at) as quarter,
           round(avg(t.cost_pct), 4)::decimal(12, 4) as avg_cost_pct,
           count(*) as txn_count
    from remittance_transactions t
    join admin_units u on u.unit_code = t.receiving_unit_code and u.valid_to is null
    where t.receiving_unit_code in (select unit_code from dim_unit_ancestors where ancestor_code = :region)
      and t.period between :from_month and :to_month
    group by all
),
wb as (
    select quarter, sender_country, receiving_country, round(avg(avg_cost_pct), 4)::decimal(12, 4) as wb_avg_cost_pct
    from corridor_costs
    group by all
)
select r.sender_country, r.receiving_country, r.provider_id, r.channel, r.quarter, r.avg_cost_pct, r.txn_count,
       r.avg_cost_pct > 3 as is_above_3pct, r.avg_cost_pct > 5 as is_above_5pct, wb.wb_avg_cost_pct
from regional r
left join wb using (quarter, sender_country, receiving_country)
order by r.quarter, r.sender_country, r.provider_id, r.channel;
