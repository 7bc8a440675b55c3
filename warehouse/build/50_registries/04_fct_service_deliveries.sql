-- 50_registries, model 4 of 12 (one model per file, run in the order of build/BUILD; the header of
-- 50_registries/01_staging.sql is the whole step's).

-- Services, amounts in US dollars at the rate of the day or the nearest earlier one (null without a rate).
create table fct_service_deliveries as
with final as (
    select s.service_id, s.unit_code, s.service_type, s.person_id, s.key_version, s.beneficiary_category, s.delivered_on,
           s.amount, s.currency,
           (case when s.currency = 'USD' then s.amount else round(s.amount / r.per_usd, 4) end)::decimal(18, 4) as amount_usd,
           s.provider, s.period, s.source_id, s.source_file, s.source_line
    from stg_service_deliveries s
    asof left join dim_fx_rates r on r.currency = s.currency and s.delivered_on >= r.rate_date
)
select * from final;
