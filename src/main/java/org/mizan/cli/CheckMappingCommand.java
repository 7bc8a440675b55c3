package org.mizan.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.apache.avro.specific.SpecificRecord;
import org.mizan.config.MizanHome;
import org.mizan.jobs.ingest.IngestContext;
import org.mizan.jobs.ingest.NormaliserFactory;
import org.mizan.normalise.Normaliser;
import org.mizan.normalise.Outcome;
import org.mizan.normalise.Reject;
import org.mizan.pseudonym.PseudonymKeys;
import org.mizan.source.Mapping;
import org.mizan.source.MappingLoader;
import org.mizan.source.RawRecord;
import org.mizan.source.RecordSource;
import org.mizan.source.SourceFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mizan check-mapping --mapping M FILE}: what a load of FILE through M would store and reject, writing nothing. */
@Command(
        name = "check-mapping",
        mixinStandardHelpOptions = true,
        header = "Shows how a file would load through a mapping; writes nothing.",
        description = {
            "Checks a mapping against a file without loading it: the mapping is validated (unknown keys, values",
            "outside their set, fields the dataset lacks), the file's first rows are printed as Mizan would store them",
            "(or with the rule that rejects them), and the whole file is read to count what a load would accept and",
            "reject by rule. Nothing is written: not the lake, the warehouse, the quarantine or the job history.",
            "The mapping format: jobs/README.md; the input formats: docs/formats.md.",
            "Example: mizan check-mapping --mapping gazetteer/psgc PSGC-2024.xlsx"
        })
public class CheckMappingCommand implements Callable<Integer> {

    @Option(
            names = "--mapping",
            required = true,
            paramLabel = "NAME|PATH.yml",
            description = "a mapping under jobs/ or a .yml file")
    String mapping;

    @Option(names = "--rows", paramLabel = "N", defaultValue = "20", description = "rows to print (default 20)")
    int rows;

    @Parameters(index = "0", paramLabel = "FILE", description = "the delivered file")
    Path file;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (rows < 0) {
            throw new MizanMain.UsageException("--rows must be 0 or more (got " + rows + ")");
        }
        if (!Files.isRegularFile(file)) {
            throw new MizanMain.UsageException(file + ": no such file. Check the path given.");
        }
        Mapping m = MappingLoader.load(mapping);
        PrintWriter out = spec.commandLine().getOut();
        MizanHome home = MizanHome.fromEnvironment();
        // the home's own key when it has one (read, never created); else a throwaway key for the preview
        String previewKey =
                m.holdsPersonalData() && !Files.isDirectory(PseudonymKeys.keysDir(home)) ? previewKey() : null;
        try {
            IngestContext ctx = new IngestContext(home, file.toString(), mapping, "check-mapping", 0);
            Normaliser normaliser = NormaliserFactory.forContext(ctx);
            out.printf("mapping %s: dataset %s, format %s%n", m.name(), m.dataset(), m.format());
            long read = 0;
            long accepted = 0;
            Map<String, Long> rejected = new TreeMap<>();
            try (RecordSource source = SourceFiles.open(file, m)) {
                RawRecord r;
                while ((r = source.next()) != null) {
                    read++;
                    Outcome o = normaliser.normalise(r);
                    accepted += o.accepted().size();
                    for (Reject x : o.rejects()) {
                        rejected.merge(x.rule().code(), 1L, Long::sum);
                    }
                    if (read <= rows) {
                        for (SpecificRecord a : o.accepted()) {
                            out.printf("line %d: %s%n", r.line(), a);
                        }
                        for (Reject x : o.rejects()) {
                            out.printf(
                                    "line %d: REJECTED %s: %s%n",
                                    r.line(), x.rule().code(), x.message());
                        }
                    }
                }
            }
            StringBuilder rules = new StringBuilder();
            rejected.forEach((rule, n) -> rules.append(rules.isEmpty() ? "" : ", ")
                    .append(rule)
                    .append(' ')
                    .append(n));
            out.printf(
                    "a load would read %d row(s): accept %d record(s), reject %d%s%n",
                    read,
                    accepted,
                    rejected.values().stream().mapToLong(Long::longValue).sum(),
                    rules.isEmpty() ? "" : " (" + rules + ")");
            if (previewKey != null) {
                out.println("person_id values above use a throwaway key: a load computes them with the home's own key");
            }
            out.println("nothing was written");
            return MizanMain.OK;
        } finally {
            if (previewKey != null) {
                System.clearProperty(PseudonymKeys.PROPERTY);
            }
        }
    }

    /** A throwaway key for datasets of people, so a check never creates the home's key file. */
    private static String previewKey() {
        if (System.getenv(PseudonymKeys.ENV) != null || System.getProperty(PseudonymKeys.PROPERTY) != null) {
            return null;
        }
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        String v = "v1:" + java.util.Base64.getEncoder().encodeToString(key);
        System.setProperty(PseudonymKeys.PROPERTY, v);
        return v;
    }
}
