-- Contract of remittance_investment_match: every check lists the rows that break it (none may).
-- check: unit_code, level and period are never null, and unique together
select unit_code, period, count(*) from remittance_investment_match group by all having count(*) > 1 or unit_code is null or period is null;
-- check: every unit is in admin_units at the level given
select m.unit_code from remittance_investment_match m left join admin_units u on u.unit_code = m.unit_code and u.level = m.level where u.unit_code is null;
-- check: capture_pct = 100 * diaspora_contribution_usd / remittance_usd, and only where both are reported and something arrived
select * from remittance_investment_match
where (capture_pct is null) <> (remittance_usd is null or remittance_usd = 0 or diaspora_contribution_usd is null)
   or abs(capture_pct - 100.0 * diaspora_contribution_usd / remittance_usd) > 0.01;
-- check: status says why a measure is missing; coverage_pct is a share
select * from remittance_investment_match
where status <> case when remittance_usd is null or diaspora_contribution_usd is null then 'not_reported'
                     when remittance_usd = 0 then 'not_applicable' else 'reported' end
   or coverage_pct not between 0 and 100;
-- check: a unit receives at least what its reporting children receive (money can also arrive at the unit itself)
select p.unit_code, p.period, p.remittance_usd, sum(c.remittance_usd) as children
from remittance_investment_match p
join admin_units cu on cu.parent_code = p.unit_code and cu.valid_to is null
join remittance_investment_match c on c.unit_code = cu.unit_code and c.period = p.period
where p.remittance_usd is not null
group by all
having p.remittance_usd < sum(c.remittance_usd) - 0.01 * count(*);
-- check: excluded_records counts what a steward excluded in and below the unit (0 when nothing), with its USD value
select * from remittance_investment_match where excluded_records is null or excluded_records < 0 or excluded_usd is null or (excluded_records = 0 and excluded_usd <> 0);
