-- Job repository: a unit's first state.
insert into mizan_approval (workflow, unit_code, period, state, changed_by, changed_at, comment) values (?, ?, ?, ?, ?, ?, ?)
