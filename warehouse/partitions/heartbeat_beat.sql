-- The partition's worker is alive.
update mizan_partition_heartbeat set beat = current_timestamp where step_execution_id = ?;
