package org.mizan.jobs.ledgers;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.mizan.config.UsageException;
import org.mizan.jobs.DefaultMappings;
import org.mizan.jobs.JobDescriptor;
import org.mizan.jobs.LedgerFormats;
import org.springframework.stereotype.Component;

/**
 * The catalogue's entry for {@code ingest-ledgers}: IATI XML by its root element, the ledger (format 6) and plan
 * (format 7) CSVs by their header.
 */
@Component
public class IngestLedgers extends JobDescriptor {

    private static final List<String> FORMAT_6 = List.of(
            "project_id", "unit_code", "entry_id", "entry_date", "entry_type", "funder_type", "amount", "currency");
    private static final List<String> FORMAT_7 =
            List.of("plan_id", "fiscal_year", "unit_code", "sector_code", "planned_amount", "currency");

    public IngestLedgers() {
        super(
                IngestLedgersJobConfiguration.NAME,
                List.of(
                        "projects",
                        "project_sectors",
                        "project_places",
                        "funding_entries",
                        "plan_allocations",
                        "code_list_items"),
                "IATI activities (5) and code lists, ledger (6), plan (7)",
                null);
    }

    @Override
    public String defaultMapping(Path file) {
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
        if (DefaultMappings.startsAsJson(file)) {
            // a JSON export sent as the activity file: the IATI load refuses it as what it is, in the run's history
            return "defaults/iati-activities";
        }
        List<String> header = DefaultMappings.header(file);
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

    @Override
    public Optional<String> approvalName() {
        return Optional.of("ledgers");
    }
}
