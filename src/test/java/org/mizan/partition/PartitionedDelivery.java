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
import org.mizan.MizanCli;
import org.mizan.TestJvm;

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

    static PartitionedDelivery generate() throws Exception {
        Path dir = MizanCli.tempDir("partitioned-data");
        Process gen = new ProcessBuilder(
                        TestJvm.benchProgram("bench/GenerateRemittances.java", "3000", "16", dir.toString()))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("generate.log").toFile())
                .start();
        assertThat(gen.waitFor()).isZero();
        return new PartitionedDelivery(dir);
    }

    /** A home with the gazetteer and FX rates loaded. */
    MizanCli home(String name) {
        MizanCli cli = MizanCli.inTempHome(name);
        assertThat(cli.run("run", "load-gazetteer", "file=" + dir.resolve("admin_units.csv"))
                        .code())
                .isZero();
        assertThat(cli.run("run", "load-fx-rates", "file=" + dir.resolve("fx_rates.csv"))
                        .code())
                .isZero();
        return cli;
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
