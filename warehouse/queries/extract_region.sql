-- A region code of level 1 as the gazetteer holds it now: one row when it is a region.
select unit_code, name, level from admin_units where unit_code = ? and valid_to is null;
