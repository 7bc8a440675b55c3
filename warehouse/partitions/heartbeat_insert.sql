-- A worker takes a partition: its first beat, written before the partition is claimed (STARTED).
insert into mizan_partition_heartbeat (step_execution_id, worker, beat) values (?, ?, current_timestamp);
