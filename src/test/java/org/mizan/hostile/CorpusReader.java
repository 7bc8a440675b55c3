package org.mizan.hostile;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.mizan.normalise.Fields;
import org.mizan.normalise.Gazetteer;
import org.mizan.normalise.IatiActivityNormaliser;
import org.mizan.normalise.LoadedKeys;
import org.mizan.normalise.Outcome;
import org.mizan.normalise.Reject;
import org.mizan.normalise.RemittanceNormaliser;
import org.mizan.normalise.UnitTree;
import org.mizan.schema.FundingEntry;
import org.mizan.source.Mapping;
import org.mizan.source.MappingException;
import org.mizan.source.MappingLoader;
import org.mizan.source.RawRecord;
import org.mizan.source.RecordSource;
import org.mizan.source.SourceFiles;
import org.mizan.source.iati.IatiActivity;
import org.mizan.source.iati.IatiActivityReader;

/**
 * Reads one corpus file the way a load does, without booting the application: the file through its reader and
 * every record through the checks that stand before the lake. The outcome is a short text: "refused: message"
 * (the file's path written {file}), or "accepted N" then one line per reject ("line L rule: message").
 */
final class CorpusReader {

    static final String XLSX_MAPPING = Path.of("src/test/resources/bad-input-mappings/remittances-xlsx.yml")
            .toAbsolutePath()
            .toString();

    /** System properties a file is read with (its limits lowered to show them at a small size). */
    static final Map<String, Map<String, String>> SETTINGS = Map.of(
            "line_5000_bytes.csv", Map.of("mizan.max-line-bytes", "4096"),
            "quoted_span_over_limit.csv", Map.of("mizan.max-quoted-lines", "3"));

    private CorpusReader() {}

    static String outcome(Path file) {
        String name = file.getFileName().toString();
        Map<String, String> settings = SETTINGS.getOrDefault(name, Map.of());
        settings.forEach(System::setProperty);
        try {
            return name.matches(".*\\.xml(\\.gz)?$") ? iati(file) : records(file, mappingFor(name));
        } catch (MappingException e) {
            return "refused: " + e.getMessage().replace(file.toString(), "{file}");
        } catch (IOException e) {
            return "failed: " + e;
        } finally {
            settings.keySet().forEach(System::clearProperty);
        }
    }

    static String mappingFor(String name) {
        if (name.matches(".*\\.jsonl(\\.gz)?$")) {
            return "defaults/remittances-jsonl";
        }
        return name.endsWith(".xlsx") ? XLSX_MAPPING : "defaults/remittances";
    }

    private static String records(Path file, String mappingName) throws IOException {
        Mapping mapping = MappingLoader.load(mappingName);
        Gazetteer gazetteer = new Gazetteer();
        gazetteer.add(new Gazetteer.Unit("NP-P1-DHA-M01", "Dhankuta", "NP", LocalDate.of(2017, 3, 10), null));
        RemittanceNormaliser checks = new RemittanceNormaliser(new Fields(mapping), gazetteer, LoadedKeys.none());
        int accepted = 0;
        List<String> rejects = new ArrayList<>();
        try (RecordSource source = SourceFiles.open(file, mapping)) {
            RawRecord r;
            while ((r = source.next()) != null) {
                Outcome o = checks.normalise(r);
                accepted += o.accepted().size();
                o.rejects().forEach(x -> rejects.add(describe(x)));
            }
        }
        return "accepted " + accepted + (rejects.isEmpty() ? "" : "\n" + String.join("\n", rejects));
    }

    private static String iati(Path file) throws IOException {
        IatiActivityNormaliser checks =
                new IatiActivityNormaliser(file.getFileName().toString(), new UnitTree(), null);
        int accepted = 0;
        List<String> rejects = new ArrayList<>();
        try (IatiActivityReader reader = new IatiActivityReader(file)) {
            IatiActivity a;
            while ((a = reader.next()) != null) {
                Outcome o = checks.normalise(a);
                for (SpecificRecord r : o.accepted()) {
                    accepted += r instanceof FundingEntry ? 1 : 0;
                }
                o.rejects().forEach(x -> rejects.add(describe(x)));
            }
        }
        return "accepted " + accepted + (rejects.isEmpty() ? "" : "\n" + String.join("\n", rejects));
    }

    private static String describe(Reject r) {
        return "line " + r.line() + " " + r.rule().code() + ": " + r.message();
    }

    /** Prints every file's outcome: a help to write the expectations, never their source. */
    public static void main(String[] args) {
        for (String name : BadInputCorpus.files().keySet()) {
            System.out.println("=== " + name + "\n"
                    + outcome(BadInputCorpus.DIR.resolve(name).toAbsolutePath()));
        }
    }
}
