-- name: reintegration_coverage
-- description: Returnees reached by a service, by sex, per unit and year of return; small counts suppressed.
-- key: unit_code, period, sex
-- period: year
-- counts: returnees, returnees_served
-- derived: coverage_pct from returnees, returnees_served
-- param: region  the recipient's region (level 1)
-- param: year    the year of the extract's period
select unit_code, level, period, sex, returnees, returnees_served, coverage_pct, cast(null as varchar) as suppressed
from reintegration_coverage
where unit_code in (select unit_code from dim_unit_ancestors where ancestor_code = :region) and period = :year
order by level, unit_code, sex;
