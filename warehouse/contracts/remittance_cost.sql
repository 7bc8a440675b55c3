-- Contract of remittance_cost (built by the remittance spine, rolled into the scorecard): every check lists the rows that break it.
-- check: the corridor, provider, channel and quarter are never null, and unique together
select sender_country, receiving_country, provider_id, channel, quarter, count(*) from remittance_cost group by all
having count(*) > 1 or sender_country is null or receiving_country is null or provider_id is null or channel is null or quarter is null;
-- check: the SDG flags follow from the average cost
select * from remittance_cost
where is_above_3pct <> (avg_cost_pct > 3) or is_above_5pct <> (avg_cost_pct > 5) or txn_count <= 0;
