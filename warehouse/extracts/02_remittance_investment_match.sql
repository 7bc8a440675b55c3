-- name: remittance_investment_match
-- description: Remittances arriving against diaspora money committed to projects, per unit and year.
-- key: unit_code, period
-- period: year
-- param: region  the recipient's region (level 1)
-- param: year    the year of the extract's period
select unit_code, level, period, remittance_usd, diaspora_contribution_usd, capture_pct, flag, status, coverage_pct
from remittance_investment_match
where unit_code in (select unit_code from dim_unit_ancestors where ancestor_code = :region) and period = :year
order by level, unit_code;
