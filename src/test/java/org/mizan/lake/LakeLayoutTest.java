package org.mizan.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mizan.schema.RemittanceTransaction;

/** The lake's Hive layout: the period in the folder name only, the schema file outside the dataset's folder. */
class LakeLayoutTest {

    @TempDir
    Path dir;

    private static RemittanceTransaction txn(String period) {
        return RemittanceTransaction.newBuilder()
                .setTxnId("T-1")
                .setProviderId("MTO-017")
                .setSentAt(Instant.parse("2024-03-02T06:14:00Z"))
                .setSentAtOffsetMin(180)
                .setSentOn(LocalDate.parse("2024-03-02"))
                .setPeriod(period)
                .setSenderCountry("QA")
                .setReceivingUnitCode("NP-P1-DHA-M01")
                .setAmount(new BigDecimal("1500.0000"))
                .setCurrency("QAR")
                .setFee(new BigDecimal("25.5000"))
                .setChannel("mto")
                .setSourceId("MTO-017")
                .setSourceFile("feed.csv")
                .setSourceLine(2)
                .build();
    }

    @Test
    void theFilesHoldEveryFieldButThePeriod() throws Exception {
        Path staging = dir.resolve("staging");
        try (PartitionedParquetWriter w =
                new PartitionedParquetWriter(Dataset.REMITTANCE_TRANSACTIONS, staging, "feed.csv")) {
            w.write(txn("2024-03"));
        }
        Path file = staging.resolve("period=2024-03/source=MTO-017/feed.csv.parquet");
        Schema footer = new Schema.Parser().parse(Lake.avroSchemaOf(file));
        assertThat(footer.getField("period")).isNull();
        assertThat(footer.getFields())
                .hasSize(Dataset.REMITTANCE_TRANSACTIONS.schema().getFields().size() - 1);
        assertThat(footer.getFullName()).isEqualTo("org.mizan.schema.RemittanceTransaction");
    }

    @Test
    void aPeriodTheFolderNameWouldAlterIsRefused() {
        Path staging = dir.resolve("staging");
        assertThatThrownBy(() -> {
                    try (PartitionedParquetWriter w =
                            new PartitionedParquetWriter(Dataset.REMITTANCE_TRANSACTIONS, staging, "feed.csv")) {
                        w.write(txn("2024 03"));
                    }
                })
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("period '2024 03' cannot name a partition folder");
    }

    @Test
    void theSchemaFileIsOutsideTheDatasetFolderAndTheOldOneIsRemovedOnRecovery() throws Exception {
        Lake lake = new Lake(dir.resolve("lake"));
        Path old = lake.dir(Dataset.FX_RATES).resolve("_schema.parquet");
        Files.createDirectories(old.getParent());
        Files.writeString(old, "an earlier layout's schema file");

        lake.recover();
        lake.ensureSchemaFile(Dataset.FX_RATES);

        assertThat(old).doesNotExist();
        assertThat(lake.schemaFile(Dataset.FX_RATES)).isEqualTo(dir.resolve("lake/_meta/fx_rates/_schema.parquet"));
        // the schema file has every field, the period too: what the build reads for a dataset with no file yet
        assertThat(new Schema.Parser().parse(Lake.avroSchemaOf(lake.schemaFile(Dataset.FX_RATES))))
                .isEqualTo(Dataset.FX_RATES.schema());
        assertThat(lake.hasFiles(Dataset.FX_RATES)).isFalse();
    }
}
