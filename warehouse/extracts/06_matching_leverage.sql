-- name: matching_leverage
-- description: Migrant contributions against matched public money per scheme, and whether each scheme's rule held.
-- key: unit_code, period, scheme
-- period: year
-- param: region  the recipient's region (level 1)
-- param: year    the year of the extract's period
select unit_code, level, period, scheme, migrant_contribution_usd, matched_public_usd, leverage_ratio, is_rule_met, rule_note
from matching_leverage
where unit_code in (select unit_code from dim_unit_ancestors where ancestor_code = :region) and period = :year
order by level, unit_code, scheme;
