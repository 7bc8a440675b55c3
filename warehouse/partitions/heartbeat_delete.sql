-- A partition's heartbeat ends: it is no longer running (or its taking failed).
delete from mizan_partition_heartbeat where step_execution_id = ?;
