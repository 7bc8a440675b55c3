package org.mizan.lake;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mizan.duckdb.DuckDb;
import org.mizan.schema.AdminUnit;
import org.mizan.schema.FxRate;
import org.mizan.schema.RemittanceTransaction;

/** Avro records written to the Parquet lake and read back, field by field, with parquet-avro and with DuckDB. */
class ParquetRoundTripTest {

    @TempDir
    Path dir;

    private static RemittanceTransaction txn(
            String id, String period, String source, BigDecimal margin, String locality) {
        return RemittanceTransaction.newBuilder()
                .setTxnId(id)
                .setProviderId(source)
                .setSentAt(Instant.parse("2024-03-02T06:14:00Z"))
                .setSentAtOffsetMin(180)
                .setSentOn(LocalDate.parse("2024-03-02"))
                .setPeriod(period)
                .setSenderCountry("QA")
                .setReceivingUnitCode("NP-P1-DHA-M01")
                .setReceivingLocality(locality)
                .setAmount(new BigDecimal("1500.0000"))
                .setCurrency("QAR")
                .setFee(new BigDecimal("25.5000"))
                .setFxMarginPct(margin)
                .setChannel("mto")
                .setSourceId(source)
                .setSourceFile("feed.csv")
                .setSourceLine(2)
                .build();
    }

    @Test
    void remittanceTransactionsComeBackFieldByFieldFromTheirPartitions() throws Exception {
        // given records for two partitions
        List<RemittanceTransaction> written = List.of(
                txn("T-1", "2024-03", "MTO-017", new BigDecimal("1.1000"), null),
                txn("T-2", "2024-03", "MTO-017", null, "Dhankuta"),
                txn("T-3", "2024-04", "BNK-003", new BigDecimal("0.8500"), null));
        List<Path> files;
        try (PartitionedParquetWriter w =
                new PartitionedParquetWriter(Dataset.REMITTANCE_TRANSACTIONS, dir, "feed.csv")) {
            for (RemittanceTransaction t : written) {
                w.write(t);
            }
            w.close();
            files = w.written();
        }
        assertThat(files.stream().map(Path::toString).toList())
                .containsExactly(
                        "period=2024-03/source=MTO-017/feed.csv.parquet",
                        "period=2024-04/source=BNK-003/feed.csv.parquet");
        // when read back with parquet-avro
        List<SpecificRecord> read = new ArrayList<>();
        for (Path f : files) {
            LakeReader.read(Dataset.REMITTANCE_TRANSACTIONS, dir.resolve(f), read::add);
        }
        // then every field is equal, logical types included
        assertThat(read).containsExactlyElementsOf(written);
        RemittanceTransaction second = (RemittanceTransaction) read.get(1);
        assertThat(second.getFxMarginPct()).isNull();
        assertThat(second.getReceivingLocality()).isEqualTo("Dhankuta");
        assertThat(second.getAmount()).isEqualTo(new BigDecimal("1500.0000"));
        assertThat(second.getSentAt()).isEqualTo(Instant.parse("2024-03-02T06:14:00Z"));
    }

    @Test
    void duckDbReadsTheSameFilesWithDecimalAndTimestampTypes() throws Exception {
        try (PartitionedParquetWriter w =
                new PartitionedParquetWriter(Dataset.REMITTANCE_TRANSACTIONS, dir, "feed.csv")) {
            w.write(txn("T-1", "2024-03", "MTO-017", new BigDecimal("1.1000"), null));
        }
        try (Connection c = DuckDb.inMemory();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "select typeof(amount), typeof(sent_at), amount, fee, sent_at::varchar, fx_margin_pct"
                                + " from read_parquet('" + dir + "/**/*.parquet')")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("DECIMAL(18,4)");
            assertThat(rs.getString(2)).isEqualTo("TIMESTAMP WITH TIME ZONE");
            assertThat(rs.getBigDecimal(3)).isEqualTo(new BigDecimal("1500.0000"));
            assertThat(rs.getBigDecimal(4)).isEqualTo(new BigDecimal("25.5000"));
            assertThat(rs.getString(5)).isEqualTo("2024-03-02 06:14:00+00");
            assertThat(rs.getBigDecimal(6)).isEqualTo(new BigDecimal("1.1000"));
        }
    }

    @Test
    void datesAndOptionalDatesOfTheGazetteerAndRatesRoundTrip() throws Exception {
        AdminUnit unit = AdminUnit.newBuilder()
                .setUnitCode("TJ-SU-PNJ-J09")
                .setName("Jamoat Old Sarazm")
                .setLevel(3)
                .setParentCode("TJ-SU-PNJ")
                .setCountry("TJ")
                .setValidFrom(LocalDate.parse("2015-01-01"))
                .setValidTo(LocalDate.parse("2023-12-31"))
                .setPeriod("all")
                .setSourceId("TJ")
                .setSourceFile("units.csv")
                .setSourceLine(32)
                .build();
        FxRate rate = FxRate.newBuilder()
                .setRateDate(LocalDate.parse("2024-03-01"))
                .setCurrency("NPR")
                .setPerUsd(new BigDecimal("132.85000000"))
                .setPeriod("2024-03")
                .setSourceId("fx")
                .setSourceFile("fx.csv")
                .setSourceLine(2)
                .build();
        List<SpecificRecord> read = new ArrayList<>();
        for (SpecificRecord r : List.of(unit, rate)) {
            Dataset d = r instanceof AdminUnit ? Dataset.ADMIN_UNITS : Dataset.FX_RATES;
            Path root = dir.resolve(d.folder());
            List<Path> files;
            try (PartitionedParquetWriter w = new PartitionedParquetWriter(d, root, "u")) {
                w.write(r);
                w.close();
                files = w.written();
            }
            LakeReader.read(d, root.resolve(files.get(0)), read::add);
        }
        assertThat(read).containsExactly(unit, rate);
    }
}
