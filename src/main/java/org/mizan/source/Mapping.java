package org.mizan.source;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How one source's files are laid out: the data a mapping file under {@code jobs/} declares.
 * Everything a provider does differently lives here, so a new provider needs a file, not code.
 */
public record Mapping(
        String name,
        String dataset,
        String format,
        Charset encoding,
        char delimiter,
        char quote,
        String sourceId,
        String sourceField,
        Map<String, List<String>> columns,
        List<String> required,
        Map<String, String> constants,
        Map<String, Map<String, String>> values,
        List<String> missing,
        char decimalSeparator,
        String thousandsSeparator,
        String timestampPattern,
        String timeZone,
        String datePattern,
        String localityCountry,
        String countryCodes,
        Unpivot unpivot,
        boolean stopAtBlankRow,
        String baseCurrency,
        Map<String, Template> templates,
        List<Exclusion> exclusions,
        List<String> pii,
        Table table,
        Map<String, org.mizan.source.derive.Derivation> derived,
        List<String> levelNames,
        Integer localLevel,
        Root root) {

    /** Whether rows of this mapping hold personal data: their quarantined lines are then masked ({@link RawRecord#quarantineRaw()}). */
    public boolean holdsPersonalData() {
        return !pii.isEmpty();
    }

    /** A field's value rewritten by the value of another field: {@code NP-P{}} for a province, {@code NP-D{}} for a district. */
    public record Template(String byField, Map<String, String> patterns) {

        public String apply(String value, String by) {
            String pattern = by == null ? null : patterns.get(by);
            return pattern == null ? value : pattern.replace("{}", value);
        }
    }

    /** Rows the mapping leaves out on purpose, with why: every field's value matches its pattern. */
    public record Exclusion(Map<String, Pattern> when, String reason) {}

    /**
     * A wide layout: every header matching {@code pattern} (or, with {@code allOthers}, every named header no
     * column of the mapping uses) becomes one record keyed by {@code keyField}, its cell in {@code valueField}.
     */
    public record Unpivot(Pattern pattern, String keyField, String keyTemplate, String valueField, boolean allOthers) {

        /** The key a matching header stands for, e.g. {@code 2019Q1 [YR2019Q1]} becomes {@code 2019-Q1}. */
        public String keyOf(String header) {
            return pattern == null ? header : pattern.matcher(header).replaceFirst(keyTemplate);
        }

        /** Whether a header (not used by a mapped column) is one of the wide columns. */
        public boolean matches(String header) {
            return allOthers ? !header.isBlank() : pattern.matcher(header).matches();
        }
    }

    /**
     * Where the table sits in a workbook or text file: the sheet (a name, or a position from 1; null for the
     * first), the header's row (from 1; 0 = the first row whose cells match the mapping's columns), how many rows
     * the header spans (joined with a space), and the footer rule (the first row whose first non-empty cell
     * matches ends the data).
     */
    public record Table(String sheet, int headerRow, int headerRows, Pattern footer) {

        public static final Table DEFAULT = new Table(null, 0, 1, null);

        public boolean isFooter(String[] cells) {
            if (footer == null) {
                return false;
            }
            for (String c : cells) {
                if (c != null && !c.isBlank()) {
                    return footer.matcher(c.strip()).matches();
                }
            }
            return false;
        }
    }

    /** A gazetteer's root unit (the country), added when the file has no level-0 row: {@code root: {code: PH, name: Philippines}}. */
    public record Root(String code, String name) {}

    public boolean isJsonLines() {
        return "jsonl".equals(format);
    }
}
