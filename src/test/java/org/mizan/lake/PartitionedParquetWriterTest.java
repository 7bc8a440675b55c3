package org.mizan.lake;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mizan.duckdb.DuckDb;
import org.mizan.schema.RemittanceTransaction;

/**
 * Rows in any order: a shuffled feed over 480 partitions ends as one Parquet file per partition with every row,
 * also across a checkpoint and a restart; a sorted one streams without spilling.
 */
class PartitionedParquetWriterTest {

    @TempDir
    Path dir;

    /** 40 sources × 12 months of 2024, 50 rows each; amount of row i is i + 1 and 25 hundredths. */
    private static List<RemittanceTransaction> rows() {
        List<RemittanceTransaction> rows = new ArrayList<>();
        int i = 0;
        for (int s = 1; s <= 40; s++) {
            for (int m = 1; m <= 12; m++) {
                for (int k = 0; k < 50; k++, i++) {
                    rows.add(txn(i, String.format("2024-%02d", m), String.format("MTO-%03d", s)));
                }
            }
        }
        return rows;
    }

    private static RemittanceTransaction txn(int i, String period, String source) {
        return RemittanceTransaction.newBuilder()
                .setTxnId("T-" + i)
                .setProviderId(source)
                .setSentAt(Instant.parse(period + "-02T06:14:00Z"))
                .setSentAtOffsetMin(180)
                .setSentOn(LocalDate.parse(period + "-02"))
                .setPeriod(period)
                .setSenderCountry("QA")
                .setReceivingUnitCode("NP-P1-DHA-M01")
                .setReceivingLocality(null)
                .setAmount(new BigDecimal(i + 1).add(new BigDecimal("0.2500")))
                .setCurrency("QAR")
                .setFee(new BigDecimal("1.0000"))
                .setFxMarginPct(null)
                .setChannel("mto")
                .setSourceId(source)
                .setSourceFile("feed.csv")
                .setSourceLine(i + 2)
                .build();
    }

    private static List<RemittanceTransaction> shuffled() {
        List<RemittanceTransaction> rows = rows();
        Collections.shuffle(rows, new Random(15));
        return rows;
    }

    @Test
    void aShuffledFeedOverFourHundredEightyPartitionsEndsAsOneFilePerPartitionWithEveryRow() throws Exception {
        // given 24,000 rows in random order over 480 partitions, with a checkpoint every 5,000 rows
        List<RemittanceTransaction> rows = shuffled();
        List<Path> files;
        try (PartitionedParquetWriter w =
                new PartitionedParquetWriter(Dataset.REMITTANCE_TRANSACTIONS, dir, "feed.csv")) {
            for (int i = 0; i < rows.size(); i++) {
                w.write(rows.get(i));
                if ((i + 1) % 5_000 == 0) {
                    w.flush();
                }
            }
            // when the load ends
            w.close();
            files = w.written();
        }
        // then one file per partition, named as the first part of the unit, and every row in it
        assertThat(files)
                .hasSize(480)
                .allSatisfy(f -> assertThat(f.getFileName().toString()).isEqualTo("feed.csv.parquet"));
        assertThat(files)
                .contains(
                        Path.of("period=2024-01/source=MTO-001/feed.csv.parquet"),
                        Path.of("period=2024-12/source=MTO-040/feed.csv.parquet"));
        assertPartitions(expected(rows));
        assertThat(total()).isEqualTo("24000|288018000.0000");
    }

    @Test
    void aRestartAfterACheckpointKeepsTheSpilledRowsAndStillWritesOneFilePerPartition() throws Exception {
        // given a load that spilled its first 10,000 rows at a checkpoint and was then killed
        List<RemittanceTransaction> rows = shuffled();
        PartitionedParquetWriter first = new PartitionedParquetWriter(Dataset.REMITTANCE_TRANSACTIONS, dir, "feed.csv");
        for (int i = 0; i < 12_000; i++) {
            first.write(rows.get(i));
            if (i + 1 == 10_000) {
                first.flush();
            }
        }
        List<Path> atCheckpoint = List.copyOf(first.written());
        assertThat(atCheckpoint)
                .allSatisfy(p -> assertThat(p.startsWith("_spill")).isTrue());
        // when a restart keeps what the checkpoint listed (as the staging writer does) and reads on from row 10,001
        deleteAllBut(atCheckpoint);
        List<Path> files;
        try (PartitionedParquetWriter again =
                new PartitionedParquetWriter(Dataset.REMITTANCE_TRANSACTIONS, dir, "feed.csv")) {
            again.resumeAfter(atCheckpoint);
            for (int i = 10_000; i < rows.size(); i++) {
                again.write(rows.get(i));
            }
            again.close();
            files = again.written();
        }
        // then every row is there once, one file per partition
        assertThat(files).hasSize(480);
        assertPartitions(expected(rows));
        assertThat(total()).isEqualTo("24000|288018000.0000");
    }

    @Test
    void aSortedFeedStreamsEachPartitionToOneFileWithoutSpilling() throws Exception {
        // given 120,000 rows sorted by partition: 40,000 in each of three (more than the buffer holds)
        List<RemittanceTransaction> rows = new ArrayList<>();
        for (int i = 0; i < 120_000; i++) {
            rows.add(txn(i, "2024-0" + (1 + i / 40_000), "BNK-001"));
        }
        List<Path> files;
        try (PartitionedParquetWriter w =
                new PartitionedParquetWriter(Dataset.REMITTANCE_TRANSACTIONS, dir, "feed.csv")) {
            for (RemittanceTransaction r : rows) {
                w.write(r);
            }
            w.close();
            files = w.written();
        }
        // then one file each and no spill file
        assertThat(files.stream().map(Path::toString).toList())
                .containsExactlyInAnyOrder(
                        "period=2024-01/source=BNK-001/feed.csv.parquet",
                        "period=2024-02/source=BNK-001/feed.csv.parquet",
                        "period=2024-03/source=BNK-001/feed.csv.parquet");
        assertThat(dir.resolve(PartitionedParquetWriter.SPILL_DIR)).doesNotExist();
        assertPartitions(expected(rows));
        assertThat(total()).isEqualTo("120000|7200090000.0000");
    }

    /** Rows and amount per partition, computed from the input: "rows|sum". */
    private static Map<String, String> expected(List<RemittanceTransaction> rows) {
        Map<String, long[]> acc = new TreeMap<>();
        Map<String, BigDecimal> sums = new TreeMap<>();
        for (RemittanceTransaction r : rows) {
            String key = r.getPeriod() + " " + r.getSourceId();
            acc.computeIfAbsent(key, k -> new long[1])[0]++;
            sums.merge(key, r.getAmount(), BigDecimal::add);
        }
        Map<String, String> out = new TreeMap<>();
        acc.forEach((k, n) -> out.put(k, n[0] + "|" + sums.get(k).setScale(4) + "|1"));
        return out;
    }

    /** Rows, amount and files per partition as DuckDB reads the files, with the partition read from the folder. */
    private void assertPartitions(Map<String, String> expected) throws Exception {
        Map<String, String> actual = new TreeMap<>();
        try (Connection c = DuckDb.inMemory();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "select regexp_extract(filename, 'period=([^/]+)/', 1) || ' ' || regexp_extract(filename, 'source=([^/]+)/', 1),"
                                + " count(*), sum(amount), count(distinct filename), bool_and(period = regexp_extract(filename, 'period=([^/]+)/', 1))"
                                + " from read_parquet('" + dir + "/**/*.parquet', filename = true) group by 1")) {
            while (rs.next()) {
                assertThat(rs.getBoolean(5))
                        .as("rows of %s in their own partition", rs.getString(1))
                        .isTrue();
                actual.put(rs.getString(1), rs.getLong(2) + "|" + rs.getBigDecimal(3) + "|" + rs.getLong(4));
            }
        }
        assertThat(actual).isEqualTo(expected);
    }

    private String total() throws Exception {
        try (Connection c = DuckDb.inMemory();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*), count(distinct txn_id), sum(amount) from read_parquet('"
                        + dir + "/**/*.parquet')")) {
            rs.next();
            assertThat(rs.getLong(2)).as("no row twice").isEqualTo(rs.getLong(1));
            return rs.getLong(1) + "|" + rs.getBigDecimal(3);
        }
    }

    private void deleteAllBut(List<Path> keep) throws Exception {
        Set<Path> kept = new HashSet<>();
        keep.forEach(p -> kept.add(dir.resolve(p)));
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                if (!kept.contains(p)) {
                    Files.delete(p);
                }
            }
        }
    }
}
