package org.mizan.jobs.ingest;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a quarantine file back, row by row without its header (RFC 4180 through Commons CSV: quoted values may hold
 * commas, quotes and line breaks; lines end in CRLF, or LF in files written before).
 */
public final class QuarantineReader {

    public static final String HEADER = QuarantineWriter.HEADER;

    private QuarantineReader() {}

    public static List<List<String>> read(Path file, Charset charset) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, charset);
                CSVParser csv = CSVFormat.RFC4180.parse(in)) {
            for (CSVRecord r : csv) {
                if (r.getRecordNumber() > 1) {
                    rows.add(new ArrayList<>(r.toList()));
                }
            }
        }
        return rows;
    }
}
