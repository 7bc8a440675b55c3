-- 60_coherence, model 2 of 10 (one model per file, run in the order of build/BUILD; the header of
-- 60_coherence/01_int_coherence_units.sql is the whole step's).

-- Each unit with the municipalities in and below it.
create table int_unit_municipalities as
select a.ancestor_code as unit_code, a.unit_code as municipality_code
from dim_unit_ancestors a
join int_coherence_units m on m.unit_code = a.unit_code and m.is_local;
