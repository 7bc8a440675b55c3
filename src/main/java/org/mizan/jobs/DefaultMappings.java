package org.mizan.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.mizan.config.UsageException;
import org.mizan.source.InputFiles;
import org.mizan.source.Mapping;
import org.mizan.source.MappingException;
import org.mizan.source.MappingLoader;

/** Picks the documented default mapping for a file in a standard format, and checks a mapping fits its job. */
public final class DefaultMappings {

    private static final List<String> FORMAT_2 = List.of("txn_id", "provider_id", "sent_at");
    private static final List<String> FORMAT_3 =
            List.of("period", "sender_country", "receiving_unit_code", "amount_usd", "txn_count", "reporter");
    private static final List<String> FORMAT_6 = List.of(
            "project_id", "unit_code", "entry_id", "entry_date", "entry_type", "funder_type", "amount", "currency");
    private static final List<String> FORMAT_7 =
            List.of("plan_id", "fiscal_year", "unit_code", "sector_code", "planned_amount", "currency");

    private DefaultMappings() {}

    public static String detect(String job, Path file) {
        // a gzip file is read as what it holds: x.jsonl.gz as JSON Lines
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT).replaceFirst("\\.gz$", "");
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
                throw new UsageException(file + ": not a standard remittance file (format 2 needs the columns "
                        + FORMAT_2 + "…, format 3 " + FORMAT_3
                        + "). Describe it with a mapping under jobs/ and pass mapping=NAME.");
            }
            case "ingest-ledgers" -> ledgers(file);
            case "ingest-registries" -> {
                if (name.endsWith(".xlsx")) {
                    throw new UsageException(file + ": a workbook needs its municipality's mapping (format: xlsx): pass"
                            + " mapping=NAME (e.g. registries/kutaisi-people; see jobs/README.md)");
                }
                List<String> header = header(file);
                yield header.contains("service_id") ? "defaults/service-deliveries" : "defaults/registry-people";
            }
            default -> throw new UsageException("unknown job '" + job + "'");
        };
    }

    /** IATI XML by its root element, the ledger (format 6) and plan (format 7) CSVs by their header. */
    private static String ledgers(Path file) {
        String root = LedgerFormats.xmlRoot(file);
        if ("iati-activities".equals(root) || "iati-activity".equals(root)) {
            return "defaults/iati-activities";
        }
        if ("codelist".equals(root)) {
            return "defaults/iati-codelist";
        }
        if (root != null) {
            throw new UsageException(file + ": an XML file whose root element is <" + root
                    + ">, neither an IATI activity" + " file (<iati-activities>) nor an IATI code list (<codelist>).");
        }
        if (startsAsJson(file)) {
            // a JSON export sent as the activity file: the IATI load refuses it as what it is, in the run's history
            return "defaults/iati-activities";
        }
        List<String> header = header(file);
        if (header.isEmpty()) {
            // an empty file, or one that is not text: the load fails it with exit code 1 and says what it is
            return "defaults/ledger";
        }
        if (header.containsAll(FORMAT_6)) {
            return "defaults/ledger";
        }
        if (header.containsAll(FORMAT_7)) {
            return "defaults/plan-allocations";
        }
        throw new UsageException(file + ": not a standard ledger file (IATI XML, format 6 with the columns " + FORMAT_6
                + ", or format 7 with " + FORMAT_7
                + "). Describe it with a mapping under jobs/ and pass mapping=NAME.");
    }

    private static boolean startsAsJson(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            String s = new String(in.readNBytes(1024), StandardCharsets.UTF_8)
                    .replace("\uFEFF", "")
                    .stripLeading();
            return s.startsWith("{") || s.startsWith("[");
        } catch (IOException e) {
            return false;
        }
    }

    /** The mapping's dataset must be one the job loads. */
    public static void check(String job, String mappingName) {
        Mapping m = MappingLoader.load(mappingName);
        Set<String> allowed = datasets(job);
        if (!allowed.contains(m.dataset())) {
            throw new UsageException("mapping '" + mappingName + "' loads " + m.dataset() + ", which job " + job
                    + " does not load (it loads " + allowed + ")");
        }
    }

    /** The lake datasets (folders) a job loads. */
    public static Set<String> datasets(String job) {
        return switch (job) {
            case "load-gazetteer" -> Set.of("admin_units");
            case "load-fx-rates" -> Set.of("fx_rates");
            case "ingest-remittances" -> Set.of("remittance_transactions", "corridor_aggregates", "corridor_costs");
            case "ingest-ledgers" ->
                Set.of(
                        "projects",
                        "project_sectors",
                        "project_places",
                        "funding_entries",
                        "plan_allocations",
                        "code_list_items");
            case "ingest-registries" -> Set.of("registry_people", "service_deliveries");
            default -> throw new UsageException("unknown job '" + job + "'");
        };
    }

    private static List<String> header(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UsageException(file + ": no such file. Check the path given as file=.");
        }
        // only the first line is decoded: the rest may be in another encoding, which the load itself reports
        try (InputStream in = InputFiles.openText(file).in()) {
            byte[] head = in.readNBytes(64 * 1024);
            if (head.length == 0) {
                return List.of();
            }
            int end = 0;
            while (end < head.length && head[end] != '\n' && head[end] != '\r') {
                end++;
            }
            String line = new String(head, 0, end, StandardCharsets.UTF_8);
            return Arrays.stream(line.replace("\uFEFF", "").split(","))
                    .map(s -> s.strip().replace("\"", ""))
                    .toList();
        } catch (MappingException e) {
            // not text (a workbook, an archive, a cut-short gzip…): the load refuses it, names what it is, exits 1
            return List.of();
        } catch (IOException e) {
            throw new UsageException(file + ": cannot read its header (" + e.getMessage() + ").");
        }
    }
}
