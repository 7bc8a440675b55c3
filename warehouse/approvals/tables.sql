-- Not a warehouse script: approval state and its audit trail, in the job repository's database (H2 or PostgreSQL): they outlive every
-- warehouse build and load. The audit table is only ever inserted into.
create table if not exists mizan_approval (
    workflow varchar(100) not null,
    unit_code varchar(64) not null,
    period varchar(16) not null,
    state varchar(16) not null,
    changed_by varchar(100) not null,
    changed_at timestamp not null,
    comment varchar(2000),
    primary key (workflow, unit_code, period)
);
create table if not exists mizan_approval_audit (
    seq bigint not null,
    workflow varchar(100) not null,
    unit_code varchar(64) not null,
    period varchar(16) not null,
    action varchar(16) not null,
    from_state varchar(16) not null,
    to_state varchar(16) not null,
    changed_by varchar(100) not null,
    changed_at timestamp not null,
    comment varchar(2000),
    primary key (seq)
);
