package org.mizan.lake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.avro.AvroReadSupport;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.io.LocalInputFile;

/** Reads a (small) dataset of the lake back as Avro records, e.g. the gazetteer a load checks its units against. */
public final class LakeReader {

    private final Lake lake;

    public LakeReader(Lake lake) {
        this.lake = lake;
    }

    public void forEach(Dataset dataset, Consumer<SpecificRecord> action) throws IOException {
        Path dir = lake.dir(dataset);
        if (!Files.isDirectory(dir)) {
            return;
        }
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(p -> p.toString().endsWith(".parquet")
                            && !p.getFileName().toString().equals(Lake.LEGACY_SCHEMA_FILE))
                    .sorted()
                    .toList();
        }
        for (Path file : files) {
            read(dataset, file, action);
        }
    }

    /**
     * Every record of one Parquet file of a dataset (in the lake or staged), decoded with the project's Avro model
     * (decimals, dates, instants). Fields are matched by name against the dataset's current schema, so a file written
     * with an earlier version of it reads with the defaults of the fields added since; the period is the file's
     * folder's ({@code period=…}), whether or not the file holds it too (files written before it moved out did).
     */
    public static void read(Dataset dataset, Path file, Consumer<SpecificRecord> action) throws IOException {
        Configuration conf = new Configuration(false);
        AvroReadSupport.setAvroReadSchema(conf, readSchema(dataset));
        Lake.Located at = Lake.locate(file);
        int periodPos = dataset.schema().getField(Dataset.PARTITION_FIELD).pos();
        try (ParquetReader<SpecificRecord> reader = AvroParquetReader.<SpecificRecord>builder(new LocalInputFile(file))
                .withDataModel(AvroModel.get())
                .withConf(conf)
                .build()) {
            SpecificRecord r;
            while ((r = reader.read()) != null) {
                if (at != null) {
                    r.put(periodPos, at.period());
                }
                action.accept(r);
            }
        }
    }

    /** The dataset's schema with a default for the partition field, which a lake file does not hold. */
    private static Schema readSchema(Dataset dataset) {
        return READ_SCHEMAS.computeIfAbsent(dataset, d -> {
            Schema s = d.schema();
            List<Schema.Field> fields = new java.util.ArrayList<>();
            for (Schema.Field f : s.getFields()) {
                fields.add(
                        f.name().equals(Dataset.PARTITION_FIELD)
                                ? new Schema.Field(f.name(), f.schema(), f.doc(), "")
                                : new Schema.Field(f, f.schema()));
            }
            return Schema.createRecord(s.getName(), s.getDoc(), s.getNamespace(), false, fields);
        });
    }

    private static final java.util.Map<Dataset, Schema> READ_SCHEMAS = new java.util.concurrent.ConcurrentHashMap<>();
}
