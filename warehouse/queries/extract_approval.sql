-- The approval status of a region (?) for a year (?), as the coherence views carry it: unapproved when no view has the year.
select coalesce(max(approval_status), 'unapproved') as approval_status
from int_approval_status
where unit_code = ? and period = ?;
