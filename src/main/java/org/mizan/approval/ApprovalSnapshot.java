package org.mizan.approval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mizan.config.MizanHome;
import org.mizan.warehouse.ApprovalSnapshotFile;

/** Writes the workflows and every approval state for the warehouse build (a row per workflow with no unit declares it). */
final class ApprovalSnapshot {

    private ApprovalSnapshot() {}

    static void write(MizanHome home, Workflows workflows, List<ApprovalState> states) {
        List<List<String>> rows = new ArrayList<>();
        for (Workflow w : workflows.all()) {
            rows.add(Arrays.asList(w.name(), w.periodType().label(), null, null, null));
            for (ApprovalState s : states) {
                if (s.workflow().equals(w.name())) {
                    rows.add(List.of(w.name(), w.periodType().label(), s.unitCode(), s.period(), s.state()));
                }
            }
        }
        try {
            ApprovalSnapshotFile.write(home.lake(), rows);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the approval snapshot for the warehouse", e);
        }
    }
}
