-- Every running partition's last beat and the database's time now (the manager compares the two).
select step_execution_id, worker, beat, current_timestamp as now_ from mizan_partition_heartbeat;
