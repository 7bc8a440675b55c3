-- Job repository: the approval states of a workflow (?) and period (?).
select * from mizan_approval where workflow = ? and period = ? order by unit_code
