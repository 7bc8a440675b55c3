package org.mizan.jobs.ingest;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.mizan.lake.Dataset;
import org.mizan.lake.Lake;

/**
 * How many records of a dataset a commit is about to replace: those of the load's unit (the same delivered file's
 * earlier load) within the partition the run is limited to, counted from the Parquet footers. The run summary says
 * so in a steward's words ("replaces … 120 transactions").
 */
final class ReplacedRecords {

    private ReplacedRecords() {}

    static long count(Lake lake, Dataset dataset, IngestContext context) throws IOException {
        Path scope = context.partition() == null
                ? lake.dir(dataset)
                : lake.dir(dataset).resolve(context.partition());
        long n = 0;
        for (Path file : lake.filesOf(dataset, context.unit())) {
            if (file.startsWith(scope)) {
                try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
                    n += reader.getRecordCount();
                }
            }
        }
        return n;
    }
}
