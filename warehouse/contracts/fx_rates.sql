-- Contract of fx_rates: every check lists the rows that break it.
-- check: currency and rate_date are never null, and unique together (one rate per currency and day)
select currency, rate_date, count(*) from fx_rates group by all having count(*) > 1 or currency is null or rate_date is null;
-- check: a rate is a positive number
select * from fx_rates where per_usd is null or per_usd <= 0;
