-- An incremental build drops the copied table it builds again ({{name}}: the table, from warehouse/build).
drop table if exists {{name}};
