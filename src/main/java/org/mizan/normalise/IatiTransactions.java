package org.mizan.normalise;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.mizan.schema.FundingEntry;
import org.mizan.source.iati.IatiActivity;

/**
 * An IATI activity's transactions as funding entries: the type, the dates, the value in its currency and the funder;
 * a transaction missing one of them, or holding one that is not valid, is {@link RowRejected} with the reason.
 */
final class IatiTransactions {

    /** IATI TransactionType names, code 1 first. */
    private static final List<String> TYPES = List.of(
            "incoming_funds",
            "commitment",
            "disbursement",
            "expenditure",
            "interest_payment",
            "loan_repayment",
            "reimbursement",
            "purchase_of_equity",
            "sale_of_equity",
            "credit_guarantee",
            "incoming_commitment",
            "outgoing_pledge",
            "incoming_pledge");

    private static final org.apache.avro.LogicalTypes.Decimal AMOUNT = (org.apache.avro.LogicalTypes.Decimal)
            FundingEntry.getClassSchema().getField("amount").schema().getLogicalType();

    private final String file;

    /** @param file the delivered file's name, for the records */
    IatiTransactions(String file) {
        this.file = file;
    }

    /** The activity's {@code n}th transaction ({@code T1}, {@code T2}…) as a funding entry of project {@code id}. */
    FundingEntry entry(IatiActivity a, String id, String source, IatiActivity.Transaction t, int n) {
        if (t.typeCode() == null) {
            throw new RowRejected(Rule.REQUIRED, "no transaction-type code");
        }
        if (t.date() == null) {
            throw new RowRejected(Rule.REQUIRED, "no transaction-date iso-date");
        }
        if (t.value() == null) {
            throw new RowRejected(Rule.REQUIRED, "no value");
        }
        String type = type(t.typeCode());
        if (type == null) {
            throw new RowRejected(
                    Rule.BAD_VALUE,
                    "transaction-type '" + t.typeCode() + "' is not an IATI TransactionType code (1-13)");
        }
        LocalDate on = date("transaction-date", t.date());
        LocalDate valueOn = t.valueDate() == null ? on : date("value-date", t.valueDate());
        BigDecimal amount;
        try {
            amount = new BigDecimal(t.value().strip().replace(",", ""));
        } catch (NumberFormatException e) {
            throw new RowRejected(Rule.BAD_NUMBER, "value '" + t.value() + "' is not a decimal number");
        }
        // the one precision rule: more places than the warehouse keeps is bad_number, as in every other reader
        ValueRanges.decimal("value", amount, AMOUNT.getPrecision(), AMOUNT.getScale());
        amount = amount.setScale(4, RoundingMode.UNNECESSARY);
        String currency = t.currency() != null ? t.currency() : a.defaultCurrency();
        if (currency == null) {
            throw new RowRejected(Rule.REQUIRED, "the value has no currency and the activity no default-currency");
        }
        currency = IsoCodes.currency("currency", currency.strip().toUpperCase(Locale.ROOT));
        IatiActivity.Org funder = t.provider() != null
                ? t.provider()
                : "1".equals(t.typeCode()) || "11".equals(t.typeCode()) ? null : a.reportingOrg();
        return FundingEntry.newBuilder()
                .setProjectId(id)
                .setEntryId("T" + n)
                .setEntryType(type)
                .setEntryTypeCode(t.typeCode())
                .setEntryOn(on)
                .setValueOn(valueOn)
                .setAmount(amount)
                .setCurrency(currency)
                .setFunderType(funder == null ? null : funderType(funder.type()))
                .setFunderName(funder == null ? null : funder.name())
                .setFunderRef(funder == null ? null : funder.ref())
                .setReceiverName(t.receiver() == null ? null : t.receiver().name())
                .setScheme("none")
                .setUnitCode(t.countryCode() == null ? null : t.countryCode().toUpperCase(Locale.ROOT))
                .setRegionCode(t.countryCode() == null ? t.regionCode() : null)
                .setSectorCode("1".equals(t.sectorVocabulary()) ? t.sectorCode() : null)
                .setPeriod(Periods.month(on))
                .setSourceId(source)
                .setSourceFile(file)
                .setSourceLine(t.line())
                .build();
    }

    /** The TransactionType's name for a code written as IATI writes it (1 to 13), else null. */
    private static String type(String code) {
        return code.matches("[1-9]|1[0-3]") ? TYPES.get(Integer.parseInt(code) - 1) : null;
    }

    /** IATI OrganisationType to the ledger's funder types (formats README §6). */
    static String funderType(String orgType) {
        if (orgType == null) {
            return null;
        }
        return switch (orgType) {
            case "10", "15" -> "national_government";
            case "11" -> "local_authority";
            case "70", "71", "72", "73", "30" -> "private";
            default -> "donor";
        };
    }

    private static LocalDate date(String field, String v) {
        try {
            return isoDate(v);
        } catch (DateTimeParseException e) {
            throw new RowRejected(
                    Rule.BAD_DATE,
                    field + " '" + v + "' is not a date (YYYY-MM-DD, in the years " + ValueRanges.MIN_YEAR + " to "
                            + ValueRanges.MAX_YEAR + ")");
        }
    }

    /** An ISO date; a date-time (some publishers write one) is read as its date. */
    static LocalDate isoDate(String v) {
        String s = v.strip();
        LocalDate d = LocalDate.parse(s.length() > 10 && s.charAt(10) == 'T' ? s.substring(0, 10) : s);
        if (d.getYear() < ValueRanges.MIN_YEAR || d.getYear() > ValueRanges.MAX_YEAR) {
            throw new DateTimeParseException("outside the years Mizan keeps", s, 0);
        }
        return d;
    }

    /** The transaction as the reject shows it: its identifying fields as given. */
    static String raw(String id, IatiActivity.Transaction t) {
        return "iati-identifier=" + id + " transaction-type=" + nz(t.typeCode()) + " transaction-date=" + nz(t.date())
                + " value=" + nz(t.value()) + " currency=" + nz(t.currency());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
