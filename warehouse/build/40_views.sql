-- The public views: the names and columns planners and tools rely on. The doc block above each view
-- ("-- view: name — title", then "-- | column: meaning" per column, in order) is the data dictionary: the build
-- stores it as DuckDB comments and warehouse/README.md is generated from it (mizan dictionary).

-- view: admin_units — the gazetteer
-- | unit_code: stable code; ISO 3166-1 alpha-2 at level 0, ISO 3166-2 at level 1 (`NP-P1`), then the source's own
-- | name: the unit's name as the gazetteer gives it
-- | level: 0 country, then as deep as the country's gazetteer goes: 1 region/province, 2 district, 3 municipality, 4 ward / mahalla / jamoat (the Philippines: 4 sub-municipality, 5 barangay)
-- | parent_code: the unit one level up; null for a country
-- | country: ISO 3166-1 alpha-2
-- | valid_from: first day the unit exists
-- | valid_to: last day the unit exists (inclusive); null while it is current
create view admin_units as
select unit_code, name, level, parent_code, country, valid_from, valid_to
from dim_admin_units;

-- view: admin_levels — each country's levels, their names, and which one is the local level
-- | country: ISO 3166-1 alpha-2
-- | level: 0 (the country) and every level its gazetteer has units at
-- | level_name: the name its gazetteer declared (a `level_name` column, else the mapping's `levels:`), else the default: 0 country, 1 region, 2 district, 3 municipality, 4 ward, then `level N`
-- | is_declared: the name comes from the gazetteer, not the default
-- | is_local_level: the country's local level: the units whose offices report (registries, ledgers), the deepest level of the coherence views; the mapping's `local_level:`, else 3 (or the deepest level when the gazetteer stops above 3)
-- | units: the level's current units (the latest validity row of each)
create view admin_levels as
select country, level, level_name, is_declared, is_local_level, units
from dim_admin_levels;

-- view: fx_rates — one rate per currency and day
-- | rate_date: the day of the rate
-- | currency: ISO 4217
-- | per_usd: units of the currency per one US dollar (per-euro sources crossed through their USD rate)
-- | fx_source: which source the rate came from (when two give the same day, the alphabetically first wins)
create view fx_rates as
select rate_date, currency, per_usd, fx_source
from dim_fx_rates;

-- view: remittance_transactions — every accepted transaction
-- | txn_id: the provider's transaction id (unique per provider)
-- | provider_id: the MTO or bank
-- | sent_at: when it was sent (UTC; the provider's offset is kept in the lake as `sent_at_offset_min`)
-- | period: month of `sent_at` in UTC
-- | sender_country: ISO 3166-1 alpha-2
-- | receiving_unit_code: the admin unit it was paid out in (resolved from a place name where the provider sent one)
-- | amount: the amount sent, in `currency`
-- | currency: ISO 4217
-- | fee: the fee charged, in `currency`
-- | cost_pct: `100 * fee / amount + coalesce(fx_margin_pct, 0)`, rounded to 4 places: the cost of sending as a share of the amount (SDG 10.c.1)
-- | amount_usd: `amount / fx_rate`, rounded to 4 places; null when no rate exists on or before the day (the row is kept and counted)
-- | fx_rate: units of `currency` per US dollar used (1 for US dollars)
-- | fx_rate_date: the day of that rate: the UTC day of `sent_at`, or the nearest earlier day with a rate
-- | channel: `bank`, `mto`, `mobile_money`, `post` or `cash_agent`
-- | source_id: the lake partition's source (the provider for format 2)
create view remittance_transactions as
select txn_id, provider_id, sent_at, period, sender_country, receiving_unit_code, amount, currency, fee,
       cost_pct, amount_usd, fx_rate, fx_rate_date, channel, source_id
from int_remittance_transactions;

-- view: remittance_inflows — inflows per unit and month, at every level
-- | unit_code: any unit; its row includes every transaction received in it or in a unit below it
-- | level: the unit's level
-- | period: month (UTC)
-- | amount_usd: sum of `amount_usd` (transactions without a rate are not in the sum)
-- | txn_count: number of transactions, those without a rate included
create view remittance_inflows as
select unit_code, level, period, amount_usd, txn_count
from mart_remittance_inflows;

-- view: remittance_cost — average cost of sending (SDG 10.c.1)
-- | sender_country: ISO 3166-1 alpha-2
-- | receiving_country: country of the receiving unit
-- | provider_id: the MTO or bank
-- | channel: as in `remittance_transactions`
-- | quarter: `YYYY-Qn` (UTC)
-- | avg_cost_pct: mean `cost_pct` of the group's transactions, rounded to 4 places
-- | txn_count: transactions in the group
-- | is_above_3pct: `avg_cost_pct > 3`: above the SDG 10.c target
-- | is_above_5pct: `avg_cost_pct > 5`: above the SDG 10.c corridor ceiling
-- | wb_avg_cost_pct: the World Bank's published average total cost for the corridor and quarter, where loaded
create view remittance_cost as
select sender_country, receiving_country, provider_id, channel, quarter, avg_cost_pct, txn_count,
       is_above_3pct, is_above_5pct, wb_avg_cost_pct
from mart_remittance_cost;

-- view: corridor_aggregates — central banks' own monthly figures (format 3)
-- | period: month (`YYYY-MM`), or a year (`YYYY`) for an annual estimate
-- | sender_country: ISO 3166-1 alpha-2
-- | receiving_unit_code: the unit the bank reports at (usually a province)
-- | amount_usd: inflow in US dollars as reported
-- | txn_count: transactions as reported; null when the source gives none (annual estimates)
-- | reporter: the central bank (`NRB`, `NBT`, …)
-- | source_id: the lake partition's source (the reporter)
create view corridor_aggregates as
select period, sender_country, receiving_unit_code, amount_usd, txn_count, reporter, source_id
from fct_corridor_aggregates;

-- view: corridor_costs — published corridor costs (World Bank RPW)
-- | quarter: `YYYY-Qn`
-- | sender_country: ISO 3166-1 alpha-2 (converted from the file's alpha-3)
-- | receiving_country: ISO 3166-1 alpha-2
-- | avg_cost_pct: average total cost to remit, in percent, as published
-- | source_id: `wb-rpw`
create view corridor_costs as
select quarter, sender_country, receiving_country, avg_cost_pct, source_id
from fct_corridor_costs;
