package org.mizan.source.iati;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code iati-activity} as read, before any check: the elements Mizan uses (formats README §5) as the
 * file wrote them, with the line each began on. Only one is in memory at a time.
 */
public final class IatiActivity {

    /** A {@code sector}: vocabulary (default 1, DAC 5-digit), code, share and the narrative given. */
    public record Sector(String vocabulary, String code, String percentage, String name) {}

    /** A {@code recipient-country} or {@code recipient-region} ({@code vocabulary} only for a region). */
    public record Recipient(String code, String vocabulary, String percentage) {}

    /** An organisation reference: name (first narrative), {@code @ref}, {@code @type}. */
    public record Org(String name, String ref, String type) {}

    /** A {@code transaction} with its values as text; null where the file has none. */
    public record Transaction(
            long line,
            String ref,
            String typeCode,
            String date,
            String value,
            String currency,
            String valueDate,
            Org provider,
            Org receiver,
            String sectorVocabulary,
            String sectorCode,
            String countryCode,
            String regionCode) {}

    long line;
    String id;
    String defaultCurrency;
    String title;
    Org reportingOrg;
    String statusCode;
    final Map<String, String> dates = new LinkedHashMap<>();
    final List<Sector> sectors = new ArrayList<>();
    final List<Recipient> countries = new ArrayList<>();
    final List<Recipient> regions = new ArrayList<>();
    final List<String> administrativeCodes = new ArrayList<>();
    final List<Transaction> transactions = new ArrayList<>();

    public long line() {
        return line;
    }

    /** The {@code iati-identifier}, or null when the activity has none. */
    public String id() {
        return id;
    }

    public String defaultCurrency() {
        return defaultCurrency;
    }

    public String title() {
        return title;
    }

    public Org reportingOrg() {
        return reportingOrg;
    }

    public String statusCode() {
        return statusCode;
    }

    /** {@code activity-date/@iso-date} by {@code @type} (1 planned start, 2 actual start, 3 planned end, 4 actual end). */
    public Map<String, String> dates() {
        return dates;
    }

    public List<Sector> sectors() {
        return sectors;
    }

    public List<Recipient> countries() {
        return countries;
    }

    public List<Recipient> regions() {
        return regions;
    }

    /** Every {@code location/administrative/@code}, in file order. */
    public List<String> administrativeCodes() {
        return administrativeCodes;
    }

    public List<Transaction> transactions() {
        return transactions;
    }
}
