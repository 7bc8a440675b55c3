package org.mizan;

import java.nio.file.Path;
import org.mizan.normalise.IatiActivityNormaliser;
import org.mizan.normalise.Outcome;
import org.mizan.normalise.UnitTree;
import org.mizan.source.iati.IatiActivity;
import org.mizan.source.iati.IatiActivityReader;

/**
 * Reads and checks an IATI file the way ingest-ledgers does, in a JVM of its own: run with a small heap
 * ({@code -Xmx64m}) to show that memory does not grow with the file. Prints activities, records and rejects.
 */
public final class IatiScan {

    private IatiScan() {}

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        UnitTree units = new UnitTree();
        units.add("NP", null);
        IatiActivityNormaliser normaliser =
                new IatiActivityNormaliser(file.getFileName().toString(), units, null);
        long activities = 0;
        long records = 0;
        long rejects = 0;
        try (IatiActivityReader reader = new IatiActivityReader(file)) {
            IatiActivity a;
            while ((a = reader.next()) != null) {
                Outcome o = normaliser.normalise(a);
                activities++;
                records += o.accepted().size();
                rejects += o.rejects().size();
            }
        } catch (RuntimeException e) {
            System.out.println("error: " + e.getMessage());
            System.exit(3);
        }
        System.out.println("activities " + activities + " records " + records + " rejects " + rejects + " heap_used_mb "
                + (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / (1024 * 1024));
    }
}
