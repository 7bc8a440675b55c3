-- Contract of corridor_costs (the World Bank's published cost per corridor and quarter): every check lists the rows that break it.
-- check: quarter, sender_country, receiving_country and source_id are never null, and unique together
select quarter, sender_country, receiving_country, source_id, count(*) from corridor_costs group by all
having count(*) > 1 or quarter is null or sender_country is null or receiving_country is null or source_id is null;
-- check: the countries are ISO 3166-1 alpha-2 codes, the quarter is YYYY-Qn, and the cost is given (as published:
-- the World Bank's file holds a few negative averages, kept as they are)
select * from corridor_costs
where not regexp_full_match(sender_country, '[A-Z]{2}') or not regexp_full_match(receiving_country, '[A-Z]{2}')
   or not regexp_full_match(quarter, '[0-9]{4}-Q[1-4]') or avg_cost_pct is null;
-- check: remittance_cost's wb_avg_cost_pct is the mean of these costs for its corridor and quarter
select r.sender_country, r.receiving_country, r.quarter, r.wb_avg_cost_pct, round(avg(c.avg_cost_pct), 4) as published
from (select distinct sender_country, receiving_country, quarter, wb_avg_cost_pct from remittance_cost) r
left join corridor_costs c using (sender_country, receiving_country, quarter)
group by all
having (r.wb_avg_cost_pct is null) <> (count(c.avg_cost_pct) = 0) or abs(r.wb_avg_cost_pct - avg(c.avg_cost_pct)) > 0.0001;
