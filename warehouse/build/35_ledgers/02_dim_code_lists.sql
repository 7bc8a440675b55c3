-- 35_ledgers, model 2 of 11 (one model per file, run in the order of build/BUILD; the header of
-- 35_ledgers/01_staging.sql is the whole step's).

-- IATI code lists with their English names; a list delivered again replaces its codes.
create table dim_code_lists as
with final as (
    select code_list, code, name, category, status
    from stg_code_list_items
    qualify row_number() over (partition by code_list, code order by source_file desc, load_unit desc, source_line) = 1
)
select * from final;
