-- 30_facts, model 3 of 14 (one model per file, run in the order of build/BUILD; the header of
-- 30_facts/01_fct_remittance_transactions.sql is the whole step's).

create view int_remittance_transactions as
with final as (
    select t.txn_id, t.provider_id, t.sent_at, t.sent_on, t.period,
           year(t.sent_on) || '-Q' || quarter(t.sent_on) as quarter,
           t.sender_country, t.receiving_unit_code, t.receiving_locality,
           t.amount, t.currency, t.fee, t.fx_margin_pct,
           round(100.0 * t.fee / t.amount + coalesce(t.fx_margin_pct, 0), 4)::decimal(12, 4) as cost_pct,
           round(t.amount / r.per_usd, 4)::decimal(18, 4) as amount_usd,
           r.per_usd as fx_rate, r.rate_date as fx_rate_date, r.fx_source,
           t.channel, t.source_id, t.source_file, t.source_line
    from fct_remittance_transactions t
    left join dim_fx_daily r on r.currency = t.currency and r.day = t.sent_on
)
select * from final;
