package org.mizan.normalise;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.mizan.schema.FundingEntry;
import org.mizan.schema.Project;
import org.mizan.source.iati.IatiActivity;

/**
 * Turns one IATI activity into a project, its sectors, its places and its funding entries (one per transaction).
 * A transaction without a type, a date or a value (or with one that is not valid) is rejected with the
 * activity's id and the reason; the rest of the activity is kept. An activity without an identifier is
 * rejected whole.
 */
public final class IatiActivityNormaliser {

    private static final Map<String, String> STATUS = Map.of(
            "1",
            "pipeline",
            "2",
            "implementation",
            "3",
            "finalisation",
            "4",
            "closed",
            "5",
            "cancelled",
            "6",
            "suspended");
    private final String file;
    private final IatiShares shares;
    private final IatiTransactions transactions;
    private final String sourceIdOverride;
    /** Identifiers seen in this file with their line: a second activity with the same one is a duplicate. */
    private final Map<String, Long> seen = new java.util.HashMap<>();
    /** What the warehouse can hold: a value outside it is the transaction's reject, never a failed build. */
    private final ValueRanges ranges = new ValueRanges();

    /**
     * @param file     the delivered file's name, for the records and rejects
     * @param units    the gazetteer's hierarchy, which {@code location/administrative} codes are looked up in
     * @param sourceId the mapping's fixed source id, or null for the reporting organisation's {@code @ref}
     */
    public IatiActivityNormaliser(String file, UnitTree units, String sourceId) {
        this.file = file;
        this.shares = new IatiShares(file, units);
        this.transactions = new IatiTransactions(file);
        this.sourceIdOverride = sourceId;
    }

    public Outcome normalise(IatiActivity a) {
        if (a.id() == null) {
            return Outcome.rejected(new Reject(
                    file,
                    a.line(),
                    Rule.REQUIRED,
                    "the iati-activity on line " + a.line()
                            + " has no iati-identifier: the whole activity was left out",
                    "iati-activity"));
        }
        String id = a.id();
        Long earlier = seen.putIfAbsent(id, a.line());
        if (earlier != null) {
            return Outcome.rejected(new Reject(
                    file,
                    a.line(),
                    Rule.DUPLICATE_IN_FILE,
                    "activity " + id + " is already on line " + earlier
                            + " of this file: the second one was left out whole",
                    "iati-identifier=" + id));
        }
        String source = sourceIdOverride != null
                ? sourceIdOverride
                : a.reportingOrg() != null && a.reportingOrg().ref() != null
                        ? a.reportingOrg().ref()
                        : "iati";
        List<SpecificRecord> out = new ArrayList<>();
        List<Reject> rejects = new ArrayList<>();
        out.add(project(a, id, source, rejects));
        shares.sectors(a, id, source, out);
        shares.places(a, id, source, out);
        try {
            out.forEach(ranges::check);
        } catch (RowRejected e) {
            String shown = id.length() > 80 ? id.substring(0, 40) + "…" : id;
            return Outcome.rejected(new Reject(
                    file,
                    a.line(),
                    e.rule(),
                    "activity " + shown + " (line " + a.line() + "): " + e.getMessage()
                            + " The whole activity was left out.",
                    "iati-identifier=" + shown));
        }
        int n = 0;
        for (IatiActivity.Transaction t : a.transactions()) {
            n++;
            try {
                FundingEntry entry = transactions.entry(a, id, source, t, n);
                ranges.check(entry);
                out.add(entry);
            } catch (RowRejected e) {
                rejects.add(new Reject(
                        file,
                        t.line(),
                        e.rule(),
                        "activity " + id + ", transaction " + n + " (line " + t.line() + "): " + e.getMessage()
                                + "; the transaction was left out, the rest of the activity kept",
                        IatiTransactions.raw(id, t)));
            }
        }
        return new Outcome(out, rejects);
    }

    private Project project(IatiActivity a, String id, String source, List<Reject> rejects) {
        IatiActivity.Org org = a.reportingOrg();
        return Project.newBuilder()
                .setProjectId(id)
                .setTitle(a.title())
                .setReportingOrg(org == null ? null : org.name())
                .setReportingOrgRef(org == null ? null : org.ref())
                .setReportingOrgType(org == null ? null : org.type())
                .setInitiativeLevel(initiativeLevel(org))
                .setStatus(a.statusCode() == null ? null : STATUS.getOrDefault(a.statusCode(), a.statusCode()))
                .setStartOn(firstDate(a, id, rejects, "2", "1"))
                .setEndOn(firstDate(a, id, rejects, "4", "3"))
                .setDefaultCurrency(a.defaultCurrency())
                .setPeriod("all")
                .setSourceId(source)
                .setSourceFile(file)
                .setSourceLine(a.line())
                .build();
    }

    /** Reported by a government (10 national, 11 local): a national or local initiative; else an international one. */
    private static String initiativeLevel(IatiActivity.Org org) {
        String type = org == null ? null : org.type();
        if ("11".equals(type)) {
            return "local";
        }
        if ("10".equals(type) || "15".equals(type)) {
            return "national";
        }
        return "international";
    }

    /** The actual date when given, else the planned one; a malformed date is left empty and reported. */
    private LocalDate firstDate(IatiActivity a, String id, List<Reject> rejects, String... types) {
        for (String type : types) {
            String v = a.dates().get(type);
            if (v != null) {
                try {
                    return IatiTransactions.isoDate(v);
                } catch (DateTimeParseException e) {
                    rejects.add(new Reject(
                            file,
                            a.line(),
                            Rule.BAD_DATE,
                            "activity " + id + ": activity-date type " + type + " '" + v
                                    + "' is not a date (YYYY-MM-DD); the date was left empty, the activity kept",
                            "activity-date " + v));
                }
            }
        }
        return null;
    }
}
