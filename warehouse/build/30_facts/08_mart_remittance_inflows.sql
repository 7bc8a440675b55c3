-- 30_facts, model 8 of 14 (one model per file, run in the order of build/BUILD; the header of
-- 30_facts/01_fct_remittance_transactions.sql is the whole step's).

-- Roll-up of inflows to every level: a unit's row holds everything received in it and below it.
-- incremental: by period
create table mart_remittance_inflows as
with final as (
    select a.ancestor_code as unit_code, a.ancestor_level as level, t.period,
           sum(t.amount_usd)::decimal(18, 4) as amount_usd,
           count(*) as txn_count
    from int_remittance_transactions t
    join dim_unit_ancestors a on a.unit_code = t.receiving_unit_code
    group by all
)
select * from final;
