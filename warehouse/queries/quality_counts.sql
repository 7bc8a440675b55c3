-- `mizan status` and the run summary: per check, the flags of the published build, the new ones (not in the build
-- before it) and the open ones; then what the roll-ups leave out (rollup_gaps).
select check_name, count(*) as flags, coalesce(any_value(n.new_flags), 0) as new_flags,
       count(*) filter (where review = 'open') as open_flags
from data_quality_flags f
left join quality_new_flags n using (check_name)
group by check_name
order by check_name;
