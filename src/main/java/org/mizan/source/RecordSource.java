package org.mizan.source;

import java.io.Closeable;
import java.io.IOException;

/** A file read record by record, with physical line numbers. */
public interface RecordSource extends Closeable {

    /** The next record, or null at the end of the data (footer lines excluded). */
    RawRecord next() throws IOException;

    /** Lines that were not data: blank lines and footers, reported in the run summary. */
    long skippedLines();

    /** Physical lines read so far, the header included: where a restart resumes. */
    long linesConsumed();

    /** Skips ahead, without parsing, until {@code line} lines are consumed (a restart's resume point, always a record boundary). */
    void skipTo(long line, long skippedBefore) throws IOException;
}
