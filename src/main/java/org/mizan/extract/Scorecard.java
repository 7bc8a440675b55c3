package org.mizan.extract;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;
import org.mizan.duckdb.SqlFiles;

/**
 * The scorecard's share of disclosure control: for a unit and year whose reintegration counts are suppressed, the
 * score (one of its components is the coverage, which the other components and the score would give back) and
 * the counts in the reintegration reason ("2 of 3 returnees served") are withheld.
 */
final class Scorecard {

    static final String REASON = "reintegration_coverage: [^;]*";
    static final String REDACTED =
            "reintegration_coverage: under 50 % of returnees served (counts suppressed: fewer than the threshold)";

    private Scorecard() {}

    /**
     * Redacts the rows ({@code unit \u0001 period}), and the scores of the units above them (a parent's score is the
     * mean of its children's, from which a withheld one could be worked back); returns the cells withheld.
     */
    static int redact(Connection c, Set<String> unitPeriods, java.util.Map<String, String> parents)
            throws SQLException {
        int cells = 0;
        Set<String> above = new java.util.TreeSet<>();
        for (String key : unitPeriods) {
            String[] k = key.split("\u0001");
            for (String p = parents.get(k[0]); p != null; p = parents.get(p)) {
                String pk = p + "\u0001" + k[1];
                if (!unitPeriods.contains(pk)) {
                    above.add(pk);
                }
            }
        }
        try (PreparedStatement read = c.prepareStatement(SqlFiles.text("queries/extract_scorecard_reasons.sql"));
                PreparedStatement up = c.prepareStatement(SqlFiles.text("queries/extract_suppress_scorecard.sql"))) {
            Set<String> all = new java.util.TreeSet<>(unitPeriods);
            all.addAll(above);
            for (String key : all) {
                String[] k = key.split("\u0001");
                read.setString(1, k[0]);
                read.setString(2, k[1]);
                String reasons = null;
                boolean found = false;
                try (ResultSet rs = read.executeQuery()) {
                    if (rs.next()) {
                        found = true;
                        reasons = rs.getString(1);
                    }
                }
                if (!found) {
                    continue;
                }
                boolean own = unitPeriods.contains(key);
                up.setString(1, reasons == null || !own ? reasons : reasons.replaceAll(REASON, REDACTED));
                up.setString(2, k[0]);
                up.setString(3, k[1]);
                cells += up.executeUpdate();
            }
        }
        return cells;
    }
}
