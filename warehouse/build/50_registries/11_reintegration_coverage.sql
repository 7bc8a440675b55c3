-- 50_registries, model 11 of 12 (one model per file, run in the order of build/BUILD; the header of
-- 50_registries/01_staging.sql is the whole step's).

-- view: reintegration_coverage — returnees reached by a service, at every level
-- | unit_code: every unit from the returnee's home unit up to the country
-- | level: the unit's level
-- | period: the year of return (`YYYY`)
-- | sex: `M`, `F`, `X`, or `all`
-- | returnees: distinct returnees whose home is in the unit
-- | returnees_served: of them, those who received any service on or after their return date, wherever delivered
-- | coverage_pct: `100 × returnees_served / returnees`, one decimal
create view reintegration_coverage as
select unit_code, level, period, sex, returnees, returnees_served, coverage_pct
from mart_reintegration_coverage;
