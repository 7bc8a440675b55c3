package org.mizan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.junit.jupiter.api.Test;
import org.mizan.config.MizanHome;
import org.mizan.duckdb.DuckDb;
import org.mizan.lake.Dataset;
import org.mizan.lake.Lake;
import org.mizan.lake.LakeReader;
import org.mizan.lake.PartitionedParquetWriter;
import org.mizan.schema.AdminUnit;
import org.mizan.warehouse.Warehouse;

/**
 * A lake written by an earlier Mizan, with the previous released version of a schema (admin_unit v3, before
 * level_name and local_level) and the earlier layout (the period inside the files, the schema file inside the
 * dataset's folder), is read and rebuilt into the warehouse by the current code, beside files of the current version.
 */
class SchemaEvolutionIT {

    private final MizanCli cli = MizanCli.inTempHome("schema-evolution");

    @Test
    void filesOfThePreviousVersionAndLayoutAreReadAndBuiltWithTheCurrentOnes() throws Exception {
        // given an admin_units partition written with admin_unit v3 by parquet-avro, period inside the files, and the
        // schema file of that layout inside the folder
        Schema v3 = new Schema.Parser()
                .parse(Path.of("schemas/released/admin_unit/v3.avsc").toFile());
        assertThat(v3.getField("level_name")).isNull();
        Path folder = cli.home().resolve("lake/admin_units");
        Path old = folder.resolve("period=all/source=GAZ-OLD/old.csv-0a0b0c0d.parquet");
        Files.createDirectories(old.getParent());
        write(
                v3,
                old,
                List.of(
                        unit(v3, "NP", "Nepal", 0, null, 1),
                        unit(v3, "NP-P1", "East Region", 1, "NP", 2),
                        unit(v3, "NP-P1-D1-M1", "Asha", 3, "NP-P1-D1", 3)));
        write(v3, folder.resolve("_schema.parquet"), List.of());
        // and beside it a partition of the current version and layout, with the new fields set
        Path staging = MizanCli.tempDir("schema-evolution-staging");
        List<Path> staged;
        try (PartitionedParquetWriter w =
                new PartitionedParquetWriter(Dataset.ADMIN_UNITS, staging, "new.csv-01020304")) {
            w.write(AdminUnit.newBuilder()
                    .setUnitCode("NP-P1-D1")
                    .setName("Hill District")
                    .setLevel(2)
                    .setParentCode("NP-P1")
                    .setCountry("NP")
                    .setValidFrom(LocalDate.of(2017, 1, 1))
                    .setPeriod("all")
                    .setLevelName("district")
                    .setLocalLevel(3)
                    .setSourceId("GAZ-NEW")
                    .setSourceFile("new.csv")
                    .setSourceLine(2L)
                    .build());
            w.close();
            staged = w.written();
        }
        Lake lake = new Lake(cli.home().resolve("lake"));
        lake.exclusive(() -> lake.commit(Dataset.ADMIN_UNITS, "new.csv-01020304", staging, staged));

        // when the current code builds the warehouse
        new Warehouse(new MizanHome(cli.home())).rebuild();

        // then every unit is there, the old ones with the added fields null, the period from the folders
        try (Connection c = DuckDb.inMemory();
                Statement s = c.createStatement()) {
            s.execute("attach '" + cli.home().resolve("warehouse/mizan.duckdb").toRealPath() + "' as w (read_only)");
            assertThat(rows(
                            s,
                            "select unit_code, name, level, parent_code, valid_from, level_name, local_level, source_id,"
                                    + " source_line from w.dim_admin_units order by unit_code"))
                    .containsExactly(
                            "NP|Nepal|0|null|2017-01-01|null|null|GAZ-OLD|1",
                            "NP-P1|East Region|1|NP|2017-01-01|null|null|GAZ-OLD|2",
                            "NP-P1-D1|Hill District|2|NP-P1|2017-01-01|district|3|GAZ-NEW|2",
                            "NP-P1-D1-M1|Asha|3|NP-P1-D1|2017-01-01|null|null|GAZ-OLD|3");
            // and the old layout's schema file left the folder: the folder reads as a Hive table, old files and new
            assertThat(folder.resolve("_schema.parquet")).doesNotExist();
            assertThat(rows(
                            s,
                            "select period, source, count(*) from read_parquet('" + folder
                                    + "/**/*.parquet', hive_partitioning = true, union_by_name = true)"
                                    + " group by all order by source"))
                    .containsExactly("all|GAZ-NEW|1", "all|GAZ-OLD|3");
        }
        // and the Java reader (the gazetteer a load checks against) matches the old file's fields by name
        List<String> read = new ArrayList<>();
        new LakeReader(lake).forEach(Dataset.ADMIN_UNITS, (SpecificRecord r) -> {
            AdminUnit u = (AdminUnit) r;
            read.add(u.getUnitCode() + "|" + u.getPeriod() + "|" + u.getLevelName() + "|" + u.getLocalLevel() + "|"
                    + u.getSourceId() + "|" + u.getSourceFile() + "|" + u.getSourceLine());
        });
        assertThat(read)
                .containsExactlyInAnyOrder(
                        "NP|all|null|null|GAZ-OLD|old.csv|1",
                        "NP-P1|all|null|null|GAZ-OLD|old.csv|2",
                        "NP-P1-D1-M1|all|null|null|GAZ-OLD|old.csv|3",
                        "NP-P1-D1|all|district|3|GAZ-NEW|new.csv|2");
    }

    private static GenericRecord unit(Schema v3, String code, String name, int level, String parent, long line) {
        GenericRecord r = new GenericData.Record(v3);
        r.put("unit_code", code);
        r.put("name", name);
        r.put("level", level);
        r.put("parent_code", parent);
        r.put("country", "NP");
        r.put("valid_from", (int) LocalDate.of(2017, 1, 1).toEpochDay());
        r.put("period", "all");
        r.put("source_id", "GAZ-OLD");
        r.put("source_file", "old.csv");
        r.put("source_line", line);
        return r;
    }

    private static void write(Schema schema, Path file, List<GenericRecord> records) throws Exception {
        try (ParquetWriter<GenericRecord> w = AvroParquetWriter.<GenericRecord>builder(new LocalOutputFile(file))
                .withSchema(schema)
                .build()) {
            for (GenericRecord r : records) {
                w.write(r);
            }
        }
    }

    private static List<String> rows(Statement s, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    values.add(String.valueOf(rs.getObject(i)));
                }
                out.add(String.join("|", values));
            }
        }
        return out;
    }
}
