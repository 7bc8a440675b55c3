-- What a build was made from (Warehouse, the incremental build): one fingerprint per lake dataset (its files'
-- paths, sizes and times) and one for the build's own inputs ('build': the build SQL as run, the parameters,
-- approvals, quality checks and reviews). The next build compares them with the lake and its own inputs, and
-- runs only the statements that depend on what changed.
create or replace table mizan_build_inputs (input varchar, fingerprint varchar);
