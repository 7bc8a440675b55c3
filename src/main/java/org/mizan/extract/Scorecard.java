package org.mizan.extract;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;

import org.mizan.warehouse.SqlFiles;

/**
 * The scorecard's share of disclosure control: for a unit and year whose reintegration counts are suppressed, the
 * score (one of its components is the coverage, which the other components and the score would give back) and
 * the counts in the reintegration reason ("2 of 3 returnees served") are withheld.
 */
final class Scorecard {

    static final String REASON = "reintegration_coverage: [^;]*";
    static final String REDACTED = "reintegration_coverage: under 50 % of returnees served (counts suppressed: fewer than the threshold)";

    private Scorecard() {
    }

    /** Redacts the rows ({@code unit \u0001 period}); returns the cells withheld. */
    static int redact(Connection c, Set<String> unitPeriods) throws SQLException {
        int cells = 0;
        try (PreparedStatement read = c.prepareStatement(SqlFiles.text("queries/extract_scorecard_reasons.sql"));
             PreparedStatement up = c.prepareStatement(SqlFiles.text("queries/extract_suppress_scorecard.sql"))) {
            for (String key : unitPeriods) {
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
                up.setString(1, reasons == null ? null : reasons.replaceAll(REASON, REDACTED));
                up.setString(2, k[0]);
                up.setString(3, k[1]);
                cells += up.executeUpdate();
            }
        }
        return cells;
    }
}
