package org.mizan.normalise;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.mizan.pseudonym.Pseudonymiser;
import org.mizan.schema.ServiceDelivery;
import org.mizan.source.RawRecord;

/**
 * Checks a service delivery (format 4) rule by rule and pseudonymises its beneficiary: a national ID becomes the
 * person_id directly; a record id is looked up among the people the same source registered.
 */
public final class ServiceDeliveryNormaliser extends Normaliser {

    public static final Set<String> SERVICE_TYPES = Set.of(
            "pre_departure_orientation",
            "reintegration_assistance",
            "financial_literacy",
            "psychosocial_support",
            "business_training",
            "seed_funding",
            "job_placement");
    public static final Set<String> CATEGORIES = Set.of("returnee", "migrant_family", "community_member", "vulnerable");

    private final Fields f;
    private final Gazetteer gazetteer;
    private final Pseudonymiser pseudonymiser;
    /** person_id by source_id + record_id, from the registry_people already in the lake. */
    private final Map<String, String> byRecord;

    private final Map<String, Long> serviceIds = new HashMap<>();

    public ServiceDeliveryNormaliser(
            Fields f, Gazetteer gazetteer, Pseudonymiser pseudonymiser, Map<String, String> byRecord) {
        this.f = f;
        this.gazetteer = gazetteer;
        this.pseudonymiser = pseudonymiser;
        this.byRecord = byRecord;
    }

    public static String recordKey(String sourceId, String recordId) {
        return sourceId + '\u0001' + recordId;
    }

    @Override
    protected List<ServiceDelivery> records(RawRecord r) {
        String serviceId = r.get("service_id");
        String unit = r.get("unit_code");
        String typeText = r.get("service_type");
        String beneficiaryId = r.get("beneficiary_id");
        String beneficiaryRecord = r.get("beneficiary_record");
        String categoryText = r.get("beneficiary_category");
        String dateText = r.get("delivered_on");
        requirePresent(serviceId, "service_id");
        requirePresent(unit, "unit_code");
        requirePresent(typeText, "service_type");
        if (beneficiaryId == null && beneficiaryRecord == null) {
            throw new RowRejected(Rule.REQUIRED, "beneficiary_id is empty (and no beneficiary_record)");
        }
        requirePresent(categoryText, "beneficiary_category");
        requirePresent(dateText, "delivered_on");
        LocalDate on = f.date("delivered_on", dateText);
        String type = typeText.toLowerCase(Locale.ROOT);
        if (!SERVICE_TYPES.contains(type)) {
            throw new RowRejected(
                    Rule.BAD_SERVICE_TYPE,
                    "service_type '" + typeText + "' is not one of "
                            + String.join(", ", SERVICE_TYPES.stream().sorted().toList()));
        }
        String category = categoryText.toLowerCase(Locale.ROOT);
        if (!CATEGORIES.contains(category)) {
            throw new RowRejected(
                    Rule.BAD_BENEFICIARY_CATEGORY,
                    "beneficiary_category '" + categoryText
                            + "' is not one of returnee, migrant_family, community_member, vulnerable");
        }
        String amountText = r.get("amount");
        String currencyText = r.get("currency");
        BigDecimal amount = null;
        String currency = null;
        if (amountText == null && type.equals("seed_funding")) {
            throw new RowRejected(Rule.REQUIRED, "amount is empty for seed_funding");
        }
        if (amountText != null) {
            amount = f.decimal("amount", amountText, 4);
            if (amount.signum() <= 0) {
                throw new RowRejected(
                        Rule.AMOUNT_NOT_POSITIVE,
                        "amount " + amount.stripTrailingZeros().toPlainString() + " is not above zero");
            }
            if (currencyText == null) {
                throw new RowRejected(Rule.REQUIRED, "currency is empty for an amount");
            }
            currency = IsoCodes.currency("currency", currencyText.toUpperCase(Locale.ROOT));
        }
        String unitCode = gazetteer.check("unit_code", unit, on);
        String source = sourceId(r, "unit_code");
        String personId;
        if (beneficiaryId != null) {
            personId = pseudonymiser.ofNationalId(beneficiaryId);
            if (personId == null) {
                throw new RowRejected(Rule.REQUIRED, "beneficiary_id is empty once spaces and punctuation are removed");
            }
        } else {
            personId = byRecord.get(recordKey(source, beneficiaryRecord));
            if (personId == null) {
                throw new RowRejected(
                        Rule.UNKNOWN_BENEFICIARY,
                        "beneficiary_record " + beneficiaryRecord + " is not in the registry of " + source
                                + ": load that registry's people first, or give the beneficiary's national ID");
            }
        }
        Long earlier = serviceIds.putIfAbsent(serviceId, r.line());
        if (earlier != null) {
            throw new RowRejected(
                    Rule.DUPLICATE_IN_FILE, "service_id " + serviceId + " was already accepted at line " + earlier);
        }
        return List.of(new ServiceDelivery(
                serviceId,
                unitCode,
                type,
                personId,
                pseudonymiser.keyVersion(),
                category,
                on,
                amount,
                currency,
                r.get("provider"),
                String.valueOf(on.getYear()),
                source,
                r.file(),
                r.line()));
    }

    private static void requirePresent(String value, String field) {
        if (value == null) {
            throw new RowRejected(Rule.REQUIRED, field + " is empty");
        }
    }
}
