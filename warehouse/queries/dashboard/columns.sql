-- The columns a panel's source gives (its source's own values bound as NULL): what the panel's fields are checked against.
select * from {{source}} p limit 0
