-- Job repository: every reopen recorded after audit row ? (the change notice of a region's next extract), oldest first.
select * from mizan_approval_audit where action = 'reopen' and seq > ? order by seq
