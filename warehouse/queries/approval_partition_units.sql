-- The units and months a load would replace: a job's rows of one source and period (? ? ?), or of one delivered
-- file (? : its name, the same file delivered again).
select distinct unit_code, month, source_id
from int_approval_data
where job = ?
  and ((lower(source_id) = lower(?) and partition_period = ?) or source_file = ?)
order by unit_code, month;
