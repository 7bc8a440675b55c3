-- Job repository: a unit's new state (state, by, at, comment; workflow, unit, period).
update mizan_approval set state = ?, changed_by = ?, changed_at = ?, comment = ? where workflow = ? and unit_code = ? and period = ?
