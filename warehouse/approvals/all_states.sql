-- Job repository: every approval state.
select * from mizan_approval order by workflow, period, unit_code
