package org.mizan.normalise;

/** The reasons a row is rejected; the code is what quarantine files, summaries and views show. */
public enum Rule {
    MALFORMED_LINE("the line does not have the file's shape"),
    REQUIRED("a required field is empty"),
    BAD_TIMESTAMP("a timestamp is not ISO 8601 with an offset (or the mapping's pattern)"),
    BAD_DATE("a date is not valid"),
    BAD_NUMBER("a number is not a decimal with '.' (or the mapping's separator), or has too many decimals"),
    AMOUNT_NOT_POSITIVE("the amount is zero or negative"),
    FEE_NEGATIVE("the fee is negative"),
    BAD_COUNTRY("not an ISO 3166-1 country code"),
    BAD_CURRENCY("not an ISO 4217 currency code"),
    BAD_CHANNEL("channel not one of bank, mto, mobile_money, post, cash_agent"),
    BAD_VALUE("a value outside its code list or range"),
    UNKNOWN_UNIT("the unit is not in the gazetteer on that date"),
    UNKNOWN_PARENT("gazetteer: the unit's parent is neither in the file nor already loaded for the same validity"),
    LEVEL_NOT_BELOW_PARENT("gazetteer: the unit's level is not below its parent's"),
    PARENT_CYCLE("gazetteer: following the parents from the unit comes back to it"),
    UNRESOLVED_LOCALITY("the place name matches no unit of the gazetteer"),
    AMBIGUOUS_LOCALITY("the place name matches several units"),
    DUPLICATE_IN_FILE("the same key appears earlier in the same file"),
    DUPLICATE_LOADED("the same key was already loaded from another file"),
    EXCLUDED("left out on purpose by the mapping, which says why"),
    IMPLAUSIBLE_BIRTH_YEAR("the birth year makes the person younger than 14 or older than 100 on the record's date"),
    RETURN_BEFORE_DEPARTURE("the return date is before the departure date"),
    BAD_SERVICE_TYPE("service type not in the code list of format 4"),
    BAD_BENEFICIARY_CATEGORY("beneficiary category not one of returnee, migrant_family, community_member, vulnerable"),
    UNKNOWN_BENEFICIARY("the beneficiary's record id is not in the registry of the same source");

    private final String meaning;

    Rule(String meaning) {
        this.meaning = meaning;
    }

    public String code() {
        return name().toLowerCase();
    }

    public String meaning() {
        return meaning;
    }
}
