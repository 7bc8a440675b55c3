package org.mizan.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.mizan.duckdb.SqlFiles;
import org.mizan.warehouse.ReadOnlyQuery;

/**
 * The data-quality lines of a run summary and of {@code mizan status}: new and open flags by check, and the rows
 * and value a load leaves out of the roll-ups (no gazetteer unit, no FX rate).
 */
final class QualityLines {

    private QualityLines() {}

    static void print(Path warehouse, String indent, PrintWriter out) {
        try {
            List<List<Object>> counts = ReadOnlyQuery.run(warehouse, SqlFiles.text("queries/quality_counts.sql"))
                    .rows();
            if (counts.isEmpty()) {
                out.println(indent + "data quality: no flags");
            } else {
                StringBuilder added = new StringBuilder();
                StringBuilder open = new StringBuilder();
                for (List<Object> r : counts) {
                    if (((Number) r.get(2)).longValue() > 0) {
                        added.append(added.isEmpty() ? "" : ", ")
                                .append(r.get(0))
                                .append(' ')
                                .append(r.get(2));
                    }
                    if (((Number) r.get(3)).longValue() > 0) {
                        open.append(open.isEmpty() ? "" : ", ")
                                .append(r.get(0))
                                .append(' ')
                                .append(r.get(3));
                    }
                }
                out.println(indent + "data quality: new flags " + (added.isEmpty() ? "none" : added) + "; open "
                        + (open.isEmpty() ? "none" : open) + " (mizan flags)");
            }
            for (List<Object> g : ReadOnlyQuery.run(warehouse, SqlFiles.text("queries/quality_rollup_gaps.sql"))
                    .rows()) {
                out.printf(
                        "%sleft out of roll-ups: %s, %s: %s row(s), %s %s%n",
                        indent,
                        g.get(0),
                        "no_fx_rate".equals(g.get(1)) ? "no FX rate" : "no gazetteer unit to roll up to",
                        g.get(3),
                        ((BigDecimal) g.get(4)).toPlainString(),
                        g.get(2));
            }
        } catch (SQLException e) {
            // a warehouse built before the quality checks has none of their views: say so, do not fail the command
            out.println(indent + "data quality: not in this warehouse build (rebuilt by the next load)");
        }
    }
}
