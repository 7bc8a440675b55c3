-- Job repository: the audit trail of a workflow (?) and period (?), of one unit (? ?) or of every unit (null), oldest first.
select * from mizan_approval_audit where workflow = ? and period = ? and (cast(? as varchar(64)) is null or unit_code = ?) order by seq
