package org.mizan.approval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.mizan.config.MizanHome;
import org.mizan.warehouse.ApprovalSnapshotFile;

/** Writes the workflows and every approval state for the warehouse build (a row per workflow with no unit declares it). */
final class ApprovalSnapshot {

    private ApprovalSnapshot() {}

    static void write(MizanHome home, Workflows workflows, List<ApprovalState> states) {
        StringBuilder csv = new StringBuilder();
        for (Workflow w : workflows.all()) {
            csv.append(w.name()).append(',').append(w.periodType().label()).append(",,,\n");
            for (ApprovalState s : states) {
                if (s.workflow().equals(w.name())) {
                    csv.append(w.name())
                            .append(',')
                            .append(w.periodType().label())
                            .append(',')
                            .append(s.unitCode())
                            .append(',')
                            .append(s.period())
                            .append(',')
                            .append(s.state())
                            .append('\n');
                }
            }
        }
        try {
            ApprovalSnapshotFile.write(home.lake(), csv.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the approval snapshot for the warehouse", e);
        }
    }
}
