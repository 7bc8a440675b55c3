-- name: scorecard
-- description: The coherence scorecard, best first within each parent: score, rank, flags and the reason for each flag.
-- param: unit    a unit code: that unit and every unit below it (e.g. NP-P1); all units when omitted
-- param: period  a year (2024); all years when omitted
select s.unit_code, u.name, s.level, s.period, s.score, s.rank_in_parent, s.flags, s.reasons
from coherence_scorecard s
join admin_units u on u.unit_code = s.unit_code and u.valid_to is null
where (:unit is null or s.unit_code in (select unit_code from dim_unit_ancestors where ancestor_code = :unit))
  and (:period is null or s.period = :period)
order by s.period, s.level, u.parent_code nulls first, s.rank_in_parent nulls last, s.unit_code;
