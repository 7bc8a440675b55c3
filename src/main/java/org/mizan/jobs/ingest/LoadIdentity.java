package org.mizan.jobs.ingest;

import java.io.IOException;
import java.time.LocalDateTime;
import java.util.Optional;
import org.mizan.config.Checksums;
import org.mizan.lake.Lake;
import org.mizan.lake.Loads;

/**
 * A delivered file's identity at publish time: the path the steward gave (its unit of load, {@link Lake#unitOf})
 * and its content's SHA-256. The same path again replaces its earlier load, and the summary says which; the same
 * content under another path is refused, since it would count every row twice. Used under the lake's lock.
 */
final class LoadIdentity {

    /** The step context key of what this load replaced, for the run summary. */
    static final String REPLACES = "replaces";

    private final IngestContext context;
    private final Loads loads;
    private final String sha256;

    LoadIdentity(IngestContext context, Lake lake) {
        this.context = context;
        this.loads = new Loads(lake);
        this.sha256 = Checksums.sha256(context.file());
    }

    /** Refuses a file whose content another path's load already brought; returns what this load replaces, or null. */
    String check() throws IOException {
        Optional<Loads.Load> same = loads.withContent(sha256, context.unit());
        if (same.isPresent()) {
            throw new IllegalStateException(context.file() + ": has exactly the content of "
                    + same.get().describe()
                    + ", already in the lake, so nothing was loaded (its rows would count twice). To correct that load,"
                    + " deliver the file again under its own path, "
                    + same.get().path());
        }
        Optional<Loads.Load> earlier = loads.of(context.unit());
        if (earlier.isEmpty() || earlier.get().run() == context.runId()) {
            return null;
        }
        return "the earlier load of " + earlier.get().describe()
                + (earlier.get().sha256().equals(sha256)
                        ? ": the same content"
                        : ": new content, SHA-256 " + sha256.substring(0, 12) + "…");
    }

    /** Records the committed load. */
    void record() throws IOException {
        loads.record(new Loads.Load(
                context.unit(),
                context.file().toString(),
                sha256,
                context.jobName(),
                context.runId(),
                LocalDateTime.now().withNano(0).toString().replace('T', ' ')));
    }
}
