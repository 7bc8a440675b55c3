-- 60_coherence, model 3 of 10 (one model per file, run in the order of build/BUILD; the header of
-- 60_coherence/01_int_coherence_units.sql is the whole step's).

-- The municipality (local unit) each unit of the local level or below belongs to.
create table int_unit_to_municipality as
select a.unit_code, a.ancestor_code as municipality_code
from dim_unit_ancestors a
join int_coherence_units m on m.unit_code = a.ancestor_code and m.is_local;
