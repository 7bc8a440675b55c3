-- Contract of matching_leverage (built by the ledgers, rolled into the scorecard): every check lists the rows that break it.
-- check: unit_code, period and scheme are never null, and unique together
select unit_code, period, scheme, count(*) from matching_leverage group by all
having count(*) > 1 or unit_code is null or period is null or scheme is null;
-- check: every unit is in admin_units at the level given
select m.unit_code from matching_leverage m left join admin_units u on u.unit_code = m.unit_code and u.level = m.level where u.unit_code is null;
-- check: leverage_ratio = matched_public_usd / migrant_contribution_usd
select * from matching_leverage
where migrant_contribution_usd > 0 and abs(leverage_ratio - matched_public_usd / migrant_contribution_usd) > 0.0001;
