package org.mizan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.mizan.config.MizanHome;
import org.mizan.warehouse.ReadOnlyQuery;
import org.mizan.warehouse.Warehouse;

/**
 * A load builds the warehouse incrementally (only the tables that depend on the datasets it changed, on a copy of
 * the published build): after every load of a sequence, every public view and every table of the published build
 * equals, row for row, a full build of the same lake made in a copy of the home; and a full rebuild in the same home
 * gives the same rows again.
 */
class IncrementalBuildIT {

    private final MizanCli cli = MizanCli.inTempHome("incremental");

    @Test
    void everyLoadEqualsAFullBuildOfTheSameLake() throws Exception {
        // a later IATI file with some activities of an earlier one (by name it comes last, so its activities are the
        // ones taken): one transaction and one place changed, one activity left out (the earlier file's stays)
        String outliers = Files.readString(MizanCli.FIXTURES.resolve("quality/iati_outliers.xml"));
        String later = outliers.replace("<value>1000000</value>", "<value>1300</value>")
                .replace("code=\"NP-P1-DHA-M02\"", "code=\"NP-P1-DHA-M01\"")
                .replaceAll(
                        "(?s)<iati-activity default-currency=\"USD\">\\s*<iati-identifier>NP-QA-02.*?</iati-activity>",
                        "");
        assertThat(later).doesNotContain("NP-QA-02", "1000000").contains("NP-QA-01", "NP-QA-03");
        Path zz = Files.writeString(MizanCli.tempDir("mizan-incremental-iati-").resolve("zz_outliers.xml"), later);
        // job, file, and what the load's build rebuilt its dirty tables by (BuildInputs.UNIT)
        String[][] loads = {
            {"load-gazetteer", "world/admin_units.csv", "all"},
            {"ingest-remittances", "world/remittances_2024-03.csv", "period"},
            {"ingest-remittances", "world/corridors_2024-03.csv", "dataset"},
            {"ingest-ledgers", "world/ledger_2024.csv", "project"},
            {"ingest-ledgers", "world/plan_2024.csv", "dataset"},
            {"ingest-registries", "world/people.csv", "dataset"},
            {"ingest-registries", "world/services.csv", "dataset"},
            // the same file again: its unit replaced, the dataset's fingerprint changed, the rows the same; its month
            // built again (remittanceLoadsUpdateTheirPeriodsOnly below)
            {"ingest-remittances", "world/remittances_2024-03.csv", "period"},
            // IATI files update the ledger tables for the projects they hold only
            {"ingest-ledgers", "real/iati_iom_dportal_119.xml", "project"},
            {"ingest-ledgers", "quality/iati_outliers.xml", "project"},
            {"ingest-ledgers", zz.toString(), "project"},
            // a file again: its files taken away and written anew, the projects of both touched
            {"ingest-ledgers", "real/iati_iom_dportal_119.xml", "project"},
            {"ingest-ledgers", "world/ledger_2024.csv", "project"},
            // new rates change every entry's USD value: the ledger tables are built whole
            {"load-fx-rates", "fx/fx_rates.csv", "dataset"},
        };
        // the published build's snapshot after the last load (nothing publishes after it: read once, used twice)
        Map<String, List<String>> last = null;
        for (int i = 0; i < loads.length; i++) {
            cli.load(loads[i][0], loads[i][1]);
            Path published = published(cli.home());
            // the first load has no build to start from; every later one starts from the previous build
            assertThat(kind(published)).as("load %d", i + 1).isEqualTo(i == 0 ? "full" : "incremental");
            assertThat(input(published, "unit")).as("load %d", i + 1).isEqualTo(loads[i][2]);
            Map<String, List<String>> incremental = snapshot(published);
            last = incremental;

            Path copy = copyOf(cli.home());
            Path full = new Warehouse(new MizanHome(copy)).rebuild();
            assertThat(kind(full)).isEqualTo("full");
            Map<String, List<String>> reference = snapshot(full);

            assertThat(incremental.keySet()).as("load %d", i + 1).isEqualTo(reference.keySet());
            for (String object : reference.keySet()) {
                assertThat(incremental.get(object))
                        .as("%s after load %d (%s)", object, i + 1, loads[i][1])
                        .containsExactlyElementsOf(reference.get(object));
            }
            if (i == 7) {
                // after the golden world's files, remittance_investment_match holds its 20 rows (GoldenWorldIT): not
                // an empty equality
                assertThat(incremental.get("remittance_investment_match")).hasSize(20);
            }
        }

        // a full rebuild in the home itself (what a review, an approval or MIZAN_WAREHOUSE_FULL=1 runs)
        Map<String, List<String>> before = last;
        Path rebuilt = new Warehouse(new MizanHome(cli.home())).rebuild();
        assertThat(kind(rebuilt)).isEqualTo("full");
        assertThat(snapshot(rebuilt)).isEqualTo(before);
    }

    /**
     * Remittance loads update the remittance tables by period (mizan_build_inputs' unit {@code period}): only the
     * months of the lake files a load added or took away, with their quarters and years, are built again, reading
     * only those months' files. Files of several providers and months, one file whose rows fall in two months (and
     * one before the first FX rate, one after the last), a redelivery that replaces a provider's month with other
     * rows, then corridor aggregates and FX rates (built whole): after each load every table and view equals a full
     * build of the same lake.
     */
    @Test
    void remittanceLoadsUpdateTheirPeriodsOnly() throws Exception {
        Path dir = MizanCli.tempDir("mizan-incremental-remittances-");
        String header = "txn_id,provider_id,sent_at,sender_country,receiving_unit_code,amount,currency,fee,"
                + "fx_margin_pct,channel\n";
        Path a = Files.writeString(
                dir.resolve("pa_2024-02.csv"),
                header
                        + "PA-1,PRV-A,2024-02-03T10:00:00Z,QA,NP-P1-D1-M1,364.10,QAR,7.00,1.50,mto\n"
                        + "PA-2,PRV-A,2024-02-29T23:30:00+03:00,QA,NP-P1-D1-M2,500.00,USD,10.00,,mto\n"
                        + "PA-3,PRV-A,2024-02-10T08:00:00Z,MY,NP-P2-D1-M1,470.00,MYR,9.40,,bank\n");
        Path b = Files.writeString(
                dir.resolve("pb_2024-03.csv"),
                header
                        + "PB-1,PRV-B,2024-03-02T10:00:00Z,QA,NP-P1-D1-M1,728.20,QAR,21.00,,cash_agent\n"
                        + "PB-2,PRV-B,2024-03-30T10:00:00Z,AE,NP-P2-D1-M2,1000.00,AED,30.00,0.50,mto\n");
        Path c = Files.writeString(
                dir.resolve("pa_2024-03.csv"),
                header
                        + "PA-4,PRV-A,2024-03-15T10:00:00Z,QA,NP-P1-D1-M3,1092.30,QAR,20.00,,mto\n"
                        + "PA-5,PRV-A,2024-03-16T10:00:00Z,QA,NP-P1-D1-M1,250.00,USD,5.00,,mobile_money\n");
        // two months in one file, and days before the first rate (2024-01-29) and after the last (2024-04-05); a
        // provider whose lake folder is not its id (source=PRV_C)
        Path d = Files.writeString(
                dir.resolve("pc_2024-04.csv"),
                header
                        + "PC-1,PRV+C,2024-04-01T01:00:00+05:00,KZ,NP-P2-D1-M1,47000.00,KZT,900.00,,mto\n"
                        + "PC-2,PRV+C,2024-04-20T10:00:00Z,QA,NP-P1-D1-M2,3641.00,QAR,40.00,,mto\n"
                        + "PC-3,PRV+C,2024-01-10T10:00:00Z,QA,NP-P1-D1-M2,100.00,QAR,2.00,,mto\n");
        String[][] loads = {
            {"load-gazetteer", "world/admin_units.csv", "all"},
            {"load-fx-rates", "fx/fx_rates.csv", "dataset"},
            {"ingest-remittances", a.toString(), "period"},
            {"ingest-remittances", b.toString(), "period"},
            {"ingest-remittances", c.toString(), "period"},
            {"ingest-remittances", d.toString(), "period"},
            // a redelivery of provider A's February (the same unit of load): other rows replace its rows
            {"ingest-remittances", "redeliver", "period"},
            {"ingest-remittances", "world/remittances_2024-03.csv", "period"},
            // corridor aggregates and new rates: built whole
            {"ingest-remittances", "world/corridors_2024-03.csv", "dataset"},
            {"load-fx-rates", "fx/fx_rates.csv", "dataset"},
            {"ingest-remittances", c.toString(), "period"},
        };
        for (int i = 0; i < loads.length; i++) {
            if (loads[i][1].equals("redeliver")) {
                Files.writeString(
                        a,
                        header
                                + "PA-1,PRV-A,2024-02-03T10:00:00Z,QA,NP-P1-D1-M1,728.20,QAR,7.00,1.50,mto\n"
                                + "PA-6,PRV-A,2024-02-12T10:00:00Z,SA,NP-P2-D1-M2,375.00,SAR,3.75,,bank\n");
                cli.load(loads[i][0], a);
            } else if (loads[i][1].startsWith("/")) {
                cli.load(loads[i][0], Path.of(loads[i][1]));
            } else {
                cli.load(loads[i][0], loads[i][1]);
            }
            Path published = published(cli.home());
            assertThat(kind(published)).as("load %d", i + 1).isEqualTo(i == 0 ? "full" : "incremental");
            assertThat(input(published, "unit")).as("load %d", i + 1).isEqualTo(loads[i][2]);
            Map<String, List<String>> incremental = snapshot(published);
            Map<String, List<String>> reference = snapshot(new Warehouse(new MizanHome(copyOf(cli.home()))).rebuild());
            assertThat(incremental.keySet()).as("load %d", i + 1).isEqualTo(reference.keySet());
            for (String object : reference.keySet()) {
                assertThat(incremental.get(object))
                        .as("%s after load %d (%s)", object, i + 1, loads[i][1])
                        .containsExactlyElementsOf(reference.get(object));
            }
        }
        // not an empty equality: the redelivery's rows are in (PA-1 at its new amount, PA-6), the rows it replaced out
        // (PA-2, PA-3); PC-1, sent on 1 April at +05:00, is a March transaction; the day before any rate has no USD
        // value, the day after the last rate (PC-2) has the last one (QAR 3.641)
        assertThat(cli.query("select txn_id, period, amount_usd from remittance_transactions"
                        + " where provider_id in ('PRV-A', 'PRV+C') order by txn_id"))
                .extracting(Object::toString)
                .containsExactly(
                        "[PA-1, 2024-02, 200.0055]",
                        "[PA-4, 2024-03, 299.9753]",
                        "[PA-5, 2024-03, 250.0000]",
                        "[PA-6, 2024-02, 99.9893]",
                        "[PC-1, 2024-03, 105.7558]",
                        "[PC-2, 2024-04, 1000.0000]",
                        "[PC-3, 2024-01, null]");
    }

    private static Path published(Path home) throws IOException {
        return home.resolve("warehouse/mizan.duckdb").toRealPath();
    }

    private static String kind(Path build) throws SQLException {
        return input(build, "kind");
    }

    private static String input(Path build, String input) throws SQLException {
        return String.valueOf(
                ReadOnlyQuery.run(build, "select fingerprint from mizan_build_inputs where input = ?", List.of(input))
                        .rows()
                        .get(0)
                        .get(0));
    }

    /**
     * Every public view and table of a build (but the three that describe the build itself: what it was made from,
     * the lake's files with their times, which a copied lake does not keep, and the flags new since the build before
     * it), each as its rows in order, as text. Which projects each lake file holds is compared too.
     */
    private static Map<String, List<String>> snapshot(Path build) throws SQLException {
        // one read-only connection for every object of the build (not one opened per object)
        try (java.sql.Connection c = ReadOnlyQuery.open(build)) {
            List<List<Object>> objects = ReadOnlyQuery.run(
                            c,
                            "select view_name from duckdb_views() where not internal and not temporary"
                                    + " union all select table_name from duckdb_tables() where not temporary"
                                    + " and table_name not in ('mizan_build_inputs', 'mizan_build_files', 'quality_new_flags') order by 1",
                            List.of())
                    .rows();
            Map<String, List<String>> out = new LinkedHashMap<>();
            for (List<Object> o : objects) {
                String name = (String) o.get(0);
                List<String> rows = new ArrayList<>();
                for (List<Object> row : ReadOnlyQuery.run(c, "select * from \"" + name + "\" order by all", List.of())
                        .rows()) {
                    rows.add(row.toString());
                }
                out.put(name, rows);
            }
            return out;
        }
    }

    private static Path copyOf(Path home) throws IOException {
        Path copy = MizanCli.tempDir("mizan-incremental-full-");
        try (Stream<Path> s = Files.walk(home)) {
            for (Path p : s.toList()) {
                Path to = copy.resolve(home.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else if (!p.startsWith(home.resolve("warehouse"))) {
                    Files.copy(p, to);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return copy;
    }
}
