package org.mizan.lake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.parquet.avro.AvroParquetReader;
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
            files = s.filter(p -> p.toString().endsWith(".parquet")).sorted().toList();
        }
        for (Path file : files) {
            read(file, action);
        }
    }

    /** Every record of one Parquet file, decoded with the project's Avro model (decimals, dates, instants). */
    public static void read(Path file, Consumer<SpecificRecord> action) throws IOException {
        try (ParquetReader<SpecificRecord> reader = AvroParquetReader.<SpecificRecord>builder(new LocalInputFile(file))
                .withDataModel(AvroModel.get())
                .build()) {
            SpecificRecord r;
            while ((r = reader.read()) != null) {
                action.accept(r);
            }
        }
    }
}
