package org.mizan.lake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The replace-a-unit protocol: a redelivered file replaces its own files only, and a commit cut short is finished. */
class LakeCommitTest {

    @TempDir
    Path home;

    private Lake lake;
    private Path staging;

    @BeforeEach
    void lakeWithTwoUnits() throws IOException {
        lake = new Lake(home.resolve("lake"));
        // given feed.csv loaded into March and April, and other.csv into March
        write(lake.dir(Dataset.REMITTANCE_TRANSACTIONS), "period=2024-03/source=P/feed.csv.parquet", "old March");
        write(lake.dir(Dataset.REMITTANCE_TRANSACTIONS), "period=2024-04/source=P/feed.csv.parquet", "old April");
        write(lake.dir(Dataset.REMITTANCE_TRANSACTIONS), "period=2024-03/source=P/other.csv.parquet", "neighbour");
        // and feed.csv delivered again, now with March and May
        staging = home.resolve("staging");
        write(staging, "period=2024-03/source=P/feed.csv.parquet", "new March");
        write(staging, "period=2024-05/source=P/feed.csv.parquet", "new May");
    }

    @Test
    void aRedeliveryReplacesItsOwnFilesAndNothingElse() throws IOException {
        lake.commit(Dataset.REMITTANCE_TRANSACTIONS, "feed.csv", staging, staged());
        assertThat(contents())
                .containsExactly(
                        "period=2024-03/source=P/feed.csv.parquet=new March",
                        "period=2024-03/source=P/other.csv.parquet=neighbour",
                        "period=2024-05/source=P/feed.csv.parquet=new May");
        assertThat(lake.recover()).isZero();
    }

    @Test
    void aCommitCutShortAfterItsFirstMoveIsFinishedByRecovery() throws IOException {
        // given the journal (as earlier versions wrote it, with no partition line) of a commit killed after moving
        // March
        Path journal = Files.createDirectories(home.resolve("lake/_journal"))
                .resolve("remittance_transactions__feed.csv.commit");
        Files.write(
                journal,
                List.of(
                        "remittance_transactions",
                        "feed.csv",
                        staging.toString(),
                        "period=2024-03/source=P/feed.csv.parquet",
                        "period=2024-05/source=P/feed.csv.parquet"));
        Files.move(
                staging.resolve("period=2024-03/source=P/feed.csv.parquet"),
                lake.dir(Dataset.REMITTANCE_TRANSACTIONS).resolve("period=2024-03/source=P/feed.csv.parquet"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        // when the next commit or build recovers
        assertThat(lake.recover()).isEqualTo(1);
        // then the lake is as if the commit had run whole, and the journal is gone
        assertThat(contents())
                .containsExactly(
                        "period=2024-03/source=P/feed.csv.parquet=new March",
                        "period=2024-03/source=P/other.csv.parquet=neighbour",
                        "period=2024-05/source=P/feed.csv.parquet=new May");
        assertThat(journal).doesNotExist();
    }

    @Test
    void aPartitionCommitCutShortIsFinishedWithinItsPartitionOnly() throws IOException {
        // a rerun of March only: its journal names the partition; April stays although the new load has none
        Path journal = Files.createDirectories(home.resolve("lake/_journal"))
                .resolve("remittance_transactions__feed.csv.commit");
        Files.delete(staging.resolve("period=2024-05/source=P/feed.csv.parquet"));
        Files.write(
                journal,
                List.of(
                        "remittance_transactions",
                        "feed.csv",
                        "period=2024-03/source=P",
                        staging.toString(),
                        "period=2024-03/source=P/feed.csv.parquet"));
        assertThat(lake.recover()).isEqualTo(1);
        assertThat(contents())
                .containsExactly(
                        "period=2024-03/source=P/feed.csv.parquet=new March",
                        "period=2024-03/source=P/other.csv.parquet=neighbour",
                        "period=2024-04/source=P/feed.csv.parquet=old April");
        assertThat(journal).doesNotExist();
    }

    @Test
    void aLoadWithAnIdentityReplacesTheUnitItsFileHadBeforeLoadsHadOne() throws IOException {
        // given the lake of an older home (feed.csv and other.csv named by base name alone) and feed.csv delivered
        // again under the identity of its path
        Path again = home.resolve("staging-again");
        write(again, "period=2024-03/source=P/feed.csv-0a1b2c3d.parquet", "newer March");
        List<Path> files;
        try (Stream<Path> s = Files.walk(again)) {
            files = s.filter(Files::isRegularFile).map(again::relativize).toList();
        }
        // when it is committed
        lake.commit(Dataset.REMITTANCE_TRANSACTIONS, "feed.csv-0a1b2c3d", again, files);
        // then the old-style feed.csv is replaced (it was this file's earlier load), other.csv stays
        assertThat(contents())
                .containsExactly(
                        "period=2024-03/source=P/feed.csv-0a1b2c3d.parquet=newer March",
                        "period=2024-03/source=P/other.csv.parquet=neighbour");
        assertThat(Lake.legacyUnit("other.csv")).isNull();
    }

    private List<Path> staged() throws IOException {
        try (Stream<Path> s = Files.walk(staging)) {
            return s.filter(Files::isRegularFile).map(staging::relativize).toList();
        }
    }

    private List<String> contents() throws IOException {
        Path dir = lake.dir(Dataset.REMITTANCE_TRANSACTIONS);
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile)
                    .sorted()
                    .map(p -> {
                        try {
                            return dir.relativize(p) + "=" + Files.readString(p);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .toList();
        }
    }

    private static void write(Path root, String rel, String text) throws IOException {
        Path f = root.resolve(rel);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
    }
}
