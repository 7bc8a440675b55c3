-- Job repository: the last audit row's number (0 before any).
select coalesce(max(seq), 0) from mizan_approval_audit
