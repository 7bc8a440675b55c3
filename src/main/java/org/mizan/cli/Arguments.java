package org.mizan.cli;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.mizan.duckdb.SqlFiles;
import org.mizan.warehouse.ReadOnlyQuery;

/** Checks of command-line values against the warehouse, before any work: a usage error (exit 2) saying what exists. */
final class Arguments {

    private Arguments() {}

    /** The unit code must be in the published warehouse's gazetteer. */
    static void requireUnit(Path warehouse, String unit) {
        try {
            if (ReadOnlyQuery.run(warehouse, SqlFiles.text("queries/extract_region.sql"), List.of(unit))
                    .rows()
                    .isEmpty()) {
                throw new MizanMain.UsageException(
                        "--unit '" + unit + "' is not in the gazetteer (./mizan query \"select unit_code, name,"
                                + " level from admin_units order by unit_code\" lists the units)");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the gazetteer: " + e.getMessage(), e);
        }
    }
}
