package org.mizan.warehouse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.mizan.csv.CsvWriter;

/**
 * The approval states as the warehouse build reads them ({@code {{approvals}}} in the build SQL): a CSV copy, in
 * {@code MIZAN_HOME/approvals/}, of what the job repository holds, rewritten whole (and renamed into place) after
 * every approval change. A home without one builds with none: every figure unapproved.
 */
public final class ApprovalSnapshotFile {

    public static final String HEADER = "workflow,period_type,unit_code,period,state";

    private ApprovalSnapshotFile() {}

    /** The snapshot of the home whose lake is {@code lake}. */
    public static Path of(Path lakeRoot) {
        return lakeRoot.toAbsolutePath().getParent().resolve("approvals").resolve("approval_state.csv");
    }

    /**
     * Writes the snapshot ({@link CsvWriter#verbatim}: the header, then one line per row) in one rename: a build reads
     * the previous one or this one, never half of it. A null cell is an empty field, which the build reads as null.
     */
    public static void write(Path lakeRoot, List<List<String>> rows) throws IOException {
        Path file = of(lakeRoot);
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(
                ".approval_state.csv." + ProcessHandle.current().pid() + ".tmp");
        try (CsvWriter csv = CsvWriter.verbatim(CsvWriter.file(tmp))) {
            csv.row(List.of(HEADER.split(",")));
            for (List<String> row : rows) {
                csv.row(row);
            }
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    static String readCsv(Path lakeRoot) throws IOException {
        Path file = of(lakeRoot);
        if (!Files.isRegularFile(file)) {
            write(lakeRoot, List.of());
        }
        return "read_csv('" + file.toString().replace("'", "''") + "', header = true, all_varchar = true,"
                + " columns = {'workflow': 'varchar', 'period_type': 'varchar', 'unit_code': 'varchar', 'period': 'varchar', 'state': 'varchar'})";
    }
}
