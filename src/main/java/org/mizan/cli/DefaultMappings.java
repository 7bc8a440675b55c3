package org.mizan.cli;

import java.io.IOException;
import java.io.InputStream;
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
                // an empty file goes to the load, which fails it with exit code 1 and says so
                if (header.isEmpty() || header.containsAll(FORMAT_2)) {
                    yield "defaults/remittances";
                }
                if (header.containsAll(FORMAT_3)) {
                    yield "defaults/corridor-aggregates";
                }
                throw new MizanMain.UsageException(file + ": not a standard remittance file (format 2 needs the columns "
                        + FORMAT_2 + "…, format 3 " + FORMAT_3 + "). Describe it with a mapping under jobs/ and pass mapping=NAME.");
            }
            case "ingest-registries" -> {
                if (name.endsWith(".xlsx")) {
                    throw new MizanMain.UsageException(file + ": a workbook needs its municipality's mapping (format: xlsx): pass"
                            + " mapping=NAME (e.g. registries/kutaisi-people; see jobs/README.md)");
                }
                List<String> header = header(file);
                yield header.contains("service_id") ? "defaults/service-deliveries" : "defaults/registry-people";
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
            case "ingest-registries" -> Set.of("registry_people", "service_deliveries");
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
        // only the first line is decoded: the rest may be in another encoding, which the load itself reports
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(64 * 1024);
            if (head.length == 0) {
                return List.of();
            }
            int end = 0;
            while (end < head.length && head[end] != '\n') {
                end++;
            }
            String line = new String(head, 0, end, StandardCharsets.UTF_8);
            return Arrays.stream(line.replace("\uFEFF", "").split(",")).map(s -> s.strip().replace("\"", "")).toList();
        } catch (IOException e) {
            throw new MizanMain.UsageException(file + ": cannot read its header (" + e.getMessage() + ").");
        }
    }
}
