package org.mizan.extract;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mizan.duckdb.DuckDb;
import org.mizan.duckdb.SqlFiles;
import org.mizan.extract.disclosure.Rules;
import org.mizan.warehouse.NamedQuery;
import org.mizan.warehouse.ReadOnlyQuery;

/**
 * Reads one region's extract from the published warehouse: each view of {@code warehouse/extracts/} for the
 * region's units (the region and every unit below it, {@code dim_unit_ancestors}) and the period, into a temporary
 * table of a read-only connection; then disclosure control; then the rows, and the Parquet files written by DuckDB
 * from the same tables.
 */
final class RegionExtract {

    /** The extract's tables and what disclosure control withheld. */
    record Result(List<Table> tables, Disclosure.Summary disclosure) {}

    private RegionExtract() {}

    /** @param parquetDir where to write {@code <view>.parquet}, or null for no Parquet */
    static Result read(Path warehouse, String region, ExtractPeriod period, Rules rules, Path parquetDir)
            throws SQLException {
        try (Connection c = DuckDb.readOnly(warehouse)) {
            checkRegion(c, region);
            List<ExtractView> views = ExtractView.all();
            Map<String, String> values = Map.of(
                    "region",
                    region,
                    "year",
                    period.year(),
                    "from_month",
                    period.fromMonth(),
                    "to_month",
                    period.toMonth());
            for (ExtractView v : views) {
                Map<String, String> mine = new java.util.HashMap<>();
                v.query().params().keySet().forEach(p -> mine.put(p, values.get(p)));
                NamedQuery.Bound b = v.query().bind(mine);
                try (PreparedStatement ps =
                        c.prepareStatement(template("extract_table", v).replace("{{query}}", b.sql()))) {
                    for (int i = 0; i < b.values().size(); i++) {
                        ps.setString(i + 1, b.values().get(i));
                    }
                    ps.execute();
                }
            }
            Disclosure.Summary summary = Disclosure.apply(c, region, rules);
            List<Table> tables = new ArrayList<>();
            try (Statement s = c.createStatement()) {
                for (ExtractView v : views) {
                    tables.add(rows(s, v));
                    if (parquetDir != null) {
                        String file = parquetDir
                                .resolve(v.name() + ".parquet")
                                .toString()
                                .replace("'", "''");
                        s.execute(template("extract_parquet", v).replace("{{file}}", file));
                    }
                }
            }
            return new Result(tables, summary);
        }
    }

    private static String template(String name, ExtractView v) {
        return SqlFiles.statements(SqlFiles.text("queries/" + name + ".sql"))
                .get(0)
                .replace("{{table}}", table(v));
    }

    /** The temporary table of a view; its name comes from the SQL file's header, a lower-case identifier. */
    private static String table(ExtractView v) {
        if (!v.name().matches("[a-z_]+")) {
            throw new IllegalStateException("extract view name '" + v.name() + "' must be a lower-case identifier");
        }
        return "x_" + v.name();
    }

    static void checkRegion(Connection c, String region) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SqlFiles.text("queries/extract_region.sql"))) {
            ps.setString(1, region);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalArgumentException(
                            "region '" + region + "' is not in the gazetteer (./mizan query \"select unit_code, name"
                                    + " from admin_units where level = 1\" lists the regions)");
                }
                if (rs.getInt(3) != 1) {
                    throw new IllegalArgumentException(region + " (" + rs.getString(2) + ") is a unit of level "
                            + rs.getInt(3) + ", not a region (level 1): extracts are per region");
                }
            }
        }
    }

    private static Table rows(Statement s, ExtractView v) throws SQLException {
        ReadOnlyQuery.Result r = ReadOnlyQuery.collect(s.executeQuery(template("extract_rows", v)));
        return new Table(v, r.columns(), r.rows());
    }
}
