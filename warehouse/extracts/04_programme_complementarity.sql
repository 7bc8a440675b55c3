-- name: programme_complementarity
-- description: National programmes and local initiatives per unit, sector and year.
-- key: unit_code, sector_code, period
-- period: year
-- param: region  the recipient's region (level 1)
-- param: year    the year of the extract's period
select unit_code, level, sector_code, period, national_present, local_present, category
from programme_complementarity
where unit_code in (select unit_code from dim_unit_ancestors where ancestor_code = :region) and period = :year
order by level, unit_code, sector_code;
