-- `mizan review FLAG`: the flag being reviewed.
select flag_id, check_name, dataset, record, value, reason
from data_quality_flags
where flag_id = ?;
