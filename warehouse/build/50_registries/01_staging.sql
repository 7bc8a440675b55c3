-- Municipal registries (format 4): people and service deliveries, pseudonymised at ingestion (the lake holds
-- person_id, never a name, phone or ID number). Public views at the end; documented in warehouse/README.md.

create temp view stg_registry_people as
select * from {{lake:registry_people}};

create temp view stg_service_deliveries as
select * from {{lake:service_deliveries}};
