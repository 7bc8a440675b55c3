package org.mizan.partition;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.mizan.BenchPrograms;
import org.mizan.MizanCli;

/**
 * The input of the partitioned-ingest tests: the benchmark's generator's gazetteer, FX rates and 3,000 rows,
 * cut into a delivery of three files and written again as one large file, with bad rows and duplicates placed
 * where partitions meet: a txn_id repeated within a file far apart (two ranges of the large file), one repeated
 * in a later file of the delivery (twice, so a single node rejects both as already loaded), a negative amount
 * and an unknown unit.
 */
final class PartitionedDelivery {

    final Path dir;
    final List<Path> files = new ArrayList<>();
    final Path large;

    private PartitionedDelivery(Path dir) throws IOException {
        this.dir = dir;
        List<String> rows = Files.readAllLines(dir.resolve("remittances.csv"), StandardCharsets.UTF_8);
        String header = rows.get(0);
        List<String> data = new ArrayList<>(rows.subList(1, rows.size()));
        // within the first file, far apart: row 950 repeats row 10's key
        data.set(949, withAmount(data.get(9), "77.00"));
        // in the second file, twice: a key of the first file
        data.set(1100, withAmount(data.get(20), "88.00"));
        data.set(1900, withAmount(data.get(20), "99.00"));
        // in the third file: a negative amount and an unknown unit
        data.set(2100, withAmount(data.get(2100), "-5.00"));
        String[] f = data.get(2500).split(",", -1);
        f[4] = "NP-P9-NOWHERE";
        data.set(2500, String.join(",", f));
        for (int i = 0; i < 3; i++) {
            List<String> part = new ArrayList<>();
            part.add(header);
            part.addAll(data.subList(i * 1000, (i + 1) * 1000));
            Path p = dir.resolve("delivery/mto_2024_part" + (i + 1) + ".csv");
            Files.createDirectories(p.getParent());
            Files.write(p, part, StandardCharsets.UTF_8);
            files.add(p);
        }
        List<String> all = new ArrayList<>();
        all.add(header);
        all.addAll(data);
        large = dir.resolve("large/mto_2024_all.csv");
        Files.createDirectories(large.getParent());
        Files.write(large, all, StandardCharsets.UTF_8);
    }

    private static String withAmount(String row, String amount) {
        String[] f = row.split(",", -1);
        f[5] = amount;
        return String.join(",", f);
    }

    /** The delivery of this JVM: generated once, read only by the tests that share it. */
    private static PartitionedDelivery generated;

    /**
     * The delivery, generated once in this JVM (the generator's run compiles its source: a JVM and a few CPU seconds)
     * and shared by the classes that read it; none changes its files.
     */
    static synchronized PartitionedDelivery generate() throws Exception {
        if (generated == null) {
            generated = generateNew();
        }
        return generated;
    }

    private static PartitionedDelivery generateNew() throws Exception {
        Path dir = MizanCli.tempDir("partitioned-data");
        BenchPrograms.generateRemittances(3000, 16, dir);
        return new PartitionedDelivery(dir);
    }

    /**
     * A home of its own with the gazetteer and FX rates loaded: a copy of one home loaded once in this JVM (each load
     * builds the warehouse; a folder copy takes a fraction of a second). The source is loaded on a job repository of
     * its own (H2, in the home: copied with it); a test on a shared repository (PostgreSQL) loads the delivery into its
     * copy as into a home it loaded itself, for the lake, the warehouse and the loaded keys are the home's files.
     */
    MizanCli home(String name) {
        return MizanCli.copyOf(reference(), name);
    }

    /** The home {@link #home} copies, loaded once in this JVM. */
    private Path reference;

    /** The single node's home: the three files of the delivery loaded in turn, once in this JVM; only read. */
    private MizanCli single;

    /** The single node's home with the large file loaded, once in this JVM; only read. */
    private MizanCli singleLarge;

    private synchronized Path reference() {
        if (reference == null) {
            MizanCli cli = MizanCli.inTempHome("partitioned-reference");
            onItsOwnRepository(() -> cli.loadGeneratedGazetteerAndFx(dir));
            reference = cli.home();
        }
        return reference;
    }

    /**
     * The reference every partitioned run is compared with: the three files of the delivery loaded in turn by a
     * single node (no partitions, no workers), once in this JVM for every class that compares with it.
     */
    synchronized MizanCli single() {
        if (single == null) {
            MizanCli cli = home("single");
            onItsOwnRepository(() -> {
                for (Path f : files) {
                    assertThat(cli.run("run", "ingest-remittances", "file=" + f).code())
                            .isZero();
                }
            });
            single = cli;
        }
        return single;
    }

    /** The large file loaded by a single node, once in this JVM. */
    synchronized MizanCli singleLarge() {
        if (singleLarge == null) {
            MizanCli cli = home("single-large");
            onItsOwnRepository(() -> assertThat(cli.run("run", "ingest-remittances", "file=" + large)
                            .code())
                    .isZero());
            singleLarge = cli;
        }
        return singleLarge;
    }

    /**
     * Runs the loads of a shared home on the home's own job repository (the default profile), whatever profile the
     * calling test selected for its own homes.
     */
    private static void onItsOwnRepository(Runnable loads) {
        String profiles = System.clearProperty("spring.profiles.active");
        try {
            loads.run();
        } finally {
            if (profiles != null) {
                System.setProperty("spring.profiles.active", profiles);
            }
        }
    }

    /** What a home holds: rows, and per unit and month the count and sum of amount_usd. */
    static List<List<Object>> sums(MizanCli cli) {
        return cli.query("select receiving_unit_code, period, count(*), sum(amount_usd) from remittance_transactions"
                + " group by all order by all");
    }

    /** Every reject of the home's quarantine files: file, line, rule and message, sorted. */
    static TreeSet<String> rejects(MizanCli cli) throws IOException {
        TreeSet<String> out = new TreeSet<>();
        Path q = cli.home().resolve("quarantine/ingest-remittances");
        Path q2 = cli.home().resolve("quarantine/ingest-remittances-partitioned");
        for (Path dir : List.of(q, q2)) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> s = Files.list(dir)) {
                for (Path f :
                        s.filter(p -> p.toString().endsWith(".rejects.csv")).toList()) {
                    for (List<String> r : org.mizan.jobs.ingest.QuarantineReader.read(f, StandardCharsets.UTF_8)) {
                        out.add(r.get(0) + "|" + r.get(1) + "|" + r.get(2) + "|" + r.get(3));
                    }
                }
            }
        }
        return out;
    }
}
