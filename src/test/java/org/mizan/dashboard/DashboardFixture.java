package org.mizan.dashboard;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.mizan.MizanCli;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo's fixtures loaded once per test JVM into a home of their own (the dashboard tests only read it), and the
 * values {@code fixtures/tools/expected.py} computed from the same files, independently of Mizan.
 */
final class DashboardFixture {

    private static MizanCli cli;

    private DashboardFixture() {}

    static synchronized MizanCli loaded() {
        if (cli == null) {
            MizanCli c = MizanCli.inTempHome("dashboard");
            c.load("load-gazetteer", "gazetteer/admin_units.csv");
            c.load("load-fx-rates", "fx/fx_rates.csv");
            c.load("ingest-remittances", "remittances/mto-017_2024-03.csv");
            c.load("ingest-remittances", "remittances/bnk-003_2024-03.jsonl");
            c.load(
                    "ingest-remittances",
                    "remittances/dushanbe-express_2024-03.csv",
                    "mapping=remittances/dushanbe-express");
            c.load("ingest-remittances", "remittances/nrb_corridors_2024-03.csv");
            c.load("ingest-remittances", "remittances/nbt_corridors_2024-03.csv");
            cli = c;
        }
        return cli;
    }

    /**
     * A money amount as a page shows it (issue 20: two decimals, thousands separators; the full value in its tooltip),
     * worked out here independently of the dashboard's formatter.
     */
    static String money(String raw) {
        return String.format(java.util.Locale.ENGLISH, "%,.2f", new java.math.BigDecimal(raw));
    }

    /** A money cell or tile of a page as HTML: the shown amount, the full value in the tooltip. */
    static String moneyHtml(String raw) {
        return "<span class=\"n\" title=\"" + raw + "\">" + money(raw) + "</span>";
    }

    /** The expected inflow row of a unit and period: {amount_usd, txn_count}, or null when it has none. */
    static String[] inflow(String unit, String period) {
        for (JsonNode r : expected().get("inflows")) {
            if (r.get("unit_code").asString().equals(unit)
                    && r.get("period").asString().equals(period)) {
                return new String[] {
                    r.get("amount_usd").asString(), r.get("txn_count").asString()
                };
            }
        }
        return null;
    }

    /** The expected inflow of a unit over the months of a year: {amount_usd, txn_count}. */
    static String[] inflowInYear(String unit, String year) {
        java.math.BigDecimal usd = java.math.BigDecimal.ZERO;
        long n = 0;
        for (JsonNode r : expected().get("inflows")) {
            if (r.get("unit_code").asString().equals(unit)
                    && r.get("period").asString().startsWith(year + "-")) {
                usd = usd.add(new java.math.BigDecimal(r.get("amount_usd").asString()));
                n += r.get("txn_count").asLong();
            }
        }
        return new String[] {usd.toPlainString(), Long.toString(n)};
    }

    /** Every expected inflow row as CSV lines (unit_code,level,period,amount_usd,txn_count) for units starting with a prefix. */
    static List<String> inflowLines(String unitPrefix) {
        List<String> out = new ArrayList<>();
        for (JsonNode r : expected().get("inflows")) {
            if (r.get("unit_code").asString().startsWith(unitPrefix)) {
                out.add(String.join(
                        ",",
                        r.get("unit_code").asString(),
                        r.get("level").asString(),
                        r.get("period").asString(),
                        r.get("amount_usd").asString(),
                        r.get("txn_count").asString()));
            }
        }
        return out;
    }

    private static JsonNode expected() {
        return new JsonMapper().readTree(new File("fixtures/tools/expected.json"));
    }
}
