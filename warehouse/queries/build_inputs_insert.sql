insert into mizan_build_inputs values (?, ?)
