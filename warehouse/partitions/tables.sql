-- Not a warehouse script: the heartbeats of remote partitions, in the job repository's database (PostgreSQL when
-- shared). A worker inserts its partition's row as it takes it, sets beat every mizan.workers.heartbeat while it runs
-- and deletes the row when the partition has ended; a manager fails a partition whose beat is older than
-- mizan.workers.dead-after (its worker is gone). The database's clock is used on both sides, so machines' clocks may
-- differ.
create table if not exists mizan_partition_heartbeat (
    step_execution_id bigint not null,
    worker varchar(200) not null,
    beat timestamp with time zone not null,
    primary key (step_execution_id)
);
