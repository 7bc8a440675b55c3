-- An extract's view into a temporary table of the read-only connection ({{table}}: x_<view>, from the extract
-- file's header; {{query}}: the view's query from warehouse/extracts/, with its parameters bound).
create temp table {{table}} as {{query}};
