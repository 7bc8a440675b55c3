-- An extract's table after disclosure control, in the order it was read.
select * from {{table}};
