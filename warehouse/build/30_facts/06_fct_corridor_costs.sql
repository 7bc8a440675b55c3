-- 30_facts, model 6 of 14 (one model per file, run in the order of build/BUILD; the header of
-- 30_facts/01_fct_remittance_transactions.sql is the whole step's).

create table fct_corridor_costs as
with final as (
    select quarter, sender_country, receiving_country, avg_cost_pct, source_id, source_file, source_line
    from stg_corridor_costs
    qualify row_number() over (partition by quarter, sender_country, receiving_country, source_id order by source_file desc, source_line) = 1
)
select * from final;
