-- 50_registries, model 10 of 12 (one model per file, run in the order of build/BUILD; the header of
-- 50_registries/01_staging.sql is the whole step's).

-- view: service_deliveries — every accepted service
-- | service_id: the provider's id of the service
-- | unit_code: where it was delivered
-- | service_type: `pre_departure_orientation`, `reintegration_assistance`, `financial_literacy`, `psychosocial_support`, `business_training`, `seed_funding`, `job_placement`
-- | person_id: the beneficiary's pseudonym
-- | beneficiary_category: `returnee`, `migrant_family`, `community_member`, `vulnerable`
-- | delivered_on: the day of the service
-- | amount: for seed funding (null otherwise), in `currency`
-- | currency: ISO 4217
-- | amount_usd: `amount` at the rate of the day, or the nearest earlier one; null without a rate
-- | source_id: the registry
create view service_deliveries as
select service_id, unit_code, service_type, person_id, beneficiary_category, delivered_on, amount, currency, amount_usd, source_id
from fct_service_deliveries;
