package org.mizan.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.mizan.source.Mapping;
import org.mizan.source.MappingLoader;

/** Picks the documented default mapping for a file in a standard format, and checks a mapping fits its job. */
final class DefaultMappings {

    private static final List<String> FORMAT_2 = List.of("txn_id", "provider_id", "sent_at");
    private static final List<String> FORMAT_3 = List.of("period", "sender_country", "receiving_unit_code", "amount_usd", "txn_count", "reporter");

    private DefaultMappings() {
    }

    static String detect(String job, Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return switch (job) {
            case "load-gazetteer" -> "defaults/admin-units";
            case "load-fx-rates" -> "defaults/fx-rates";
            case "ingest-remittances" -> {
                if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
                    yield "defaults/remittances-jsonl";
                }
                List<String> header = header(file);
                if (header.containsAll(FORMAT_2)) {
                    yield "defaults/remittances";
                }
                if (header.containsAll(FORMAT_3)) {
                    yield "defaults/corridor-aggregates";
                }
                throw new MizanMain.UsageException(file + ": not a standard remittance file (format 2 needs the columns "
                        + FORMAT_2 + "…, format 3 " + FORMAT_3 + "). Describe it with a mapping under jobs/ and pass mapping=NAME.");
            }
            default -> throw new MizanMain.UsageException("unknown job '" + job + "'");
        };
    }

    /** The mapping's dataset must be one the job loads. */
    static void check(String job, String mappingName) {
        Mapping m = MappingLoader.load(mappingName);
        Set<String> allowed = switch (job) {
            case "load-gazetteer" -> Set.of("admin_units");
            case "load-fx-rates" -> Set.of("fx_rates");
            default -> Set.of("remittance_transactions", "corridor_aggregates", "corridor_costs");
        };
        if (!allowed.contains(m.dataset())) {
            throw new MizanMain.UsageException("mapping '" + mappingName + "' loads " + m.dataset() + ", which job " + job
                    + " does not load (it loads " + allowed + ")");
        }
    }

    private static List<String> header(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new MizanMain.UsageException(file + ": no such file. Check the path given as file=.");
        }
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = r.readLine();
            if (line == null) {
                throw new MizanMain.UsageException(file + ": the file is empty. Ask the source to deliver it again.");
            }
            return Arrays.stream(line.replace("\uFEFF", "").split(",")).map(s -> s.strip().replace("\"", "")).toList();
        } catch (IOException e) {
            throw new MizanMain.UsageException(file + ": cannot read its header (" + e.getMessage()
                    + "). If it is not UTF-8 text, describe it with a mapping and pass mapping=NAME.");
        }
    }
}
