package org.mizan.warehouse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

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

    /** Writes the snapshot in one rename: a build reads the previous one or this one, never half of it. */
    public static void write(Path lakeRoot, String csvBody) throws IOException {
        Path file = of(lakeRoot);
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(
                ".approval_state.csv." + ProcessHandle.current().pid() + ".tmp");
        Files.writeString(tmp, HEADER + "\n" + csvBody);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    static String readCsv(Path lakeRoot) throws IOException {
        Path file = of(lakeRoot);
        if (!Files.isRegularFile(file)) {
            write(lakeRoot, "");
        }
        return "read_csv('" + file.toString().replace("'", "''") + "', header = true, all_varchar = true,"
                + " columns = {'workflow': 'varchar', 'period_type': 'varchar', 'unit_code': 'varchar', 'period': 'varchar', 'state': 'varchar'})";
    }
}
