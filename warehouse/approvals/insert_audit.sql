-- Job repository: one audit row (only ever inserted).
insert into mizan_approval_audit (seq, workflow, unit_code, period, action, from_state, to_state, changed_by, changed_at, comment)
values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
