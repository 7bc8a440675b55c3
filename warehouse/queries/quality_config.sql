-- The data-quality checks of config/quality.yml and the steward's review decisions (MIZAN_HOME/quality/reviews.yml),
-- as tables the build reads (warehouse/build/35_ledgers/ for exclusions, 70_quality.sql for the flags). Filled
-- by the build (org.mizan.quality.QualityTables) with quality_insert_check.sql and quality_insert_review.sql.
create table cfg_quality_checks (
    check_name varchar not null primary key,
    method varchar not null,
    dataset varchar not null,
    measure varchar not null,
    across varchar,
    threshold double,
    iqr_k double,
    min_points integer,
    entry_types varchar[],
    floor_year integer,
    max_share_pct double,
    share_of varchar,
    factor double,
    tolerance_pct double
);

create table cfg_quality_reviews (
    flag_id varchar not null primary key,
    decision varchar not null,
    reason varchar,
    is_excluded boolean not null,
    reviewed_at varchar,
    check_name varchar,
    dataset varchar,
    record varchar,
    value varchar
);
