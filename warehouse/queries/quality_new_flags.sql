-- Flags of this build that the previous published build did not have, per check: what a run summary and
-- `mizan status` call new. {{previous}}: the previous build's data_quality_flags ids (attached read-only), or
-- an empty set for the first build.
create or replace table quality_new_flags as
select check_name, count(*) as new_flags
from mart_data_quality_flags
where flag_id not in ({{previous}})
group by check_name
order by check_name;
