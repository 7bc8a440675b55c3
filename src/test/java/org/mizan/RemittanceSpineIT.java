package org.mizan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The remittance spine end to end on the fixtures: gazetteer, FX, three providers (CSV, JSON Lines, a mapped
 * Russian export), two central banks. Expected values were computed by hand-checked, independent code
 * ({@code fixtures/tools/expected.py}) and are written here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RemittanceSpineIT {

    private final MizanCli cli = MizanCli.inTempHome("spine");
    private final Map<String, MizanCli.Result> runs = new HashMap<>();

    @BeforeAll
    void loadFixtures() {
        // given the fixtures, loaded as a steward would
        cli.load("load-gazetteer", "gazetteer/admin_units.csv");
        cli.load("load-fx-rates", "fx/fx_rates.csv");
        runs.put("mto", cli.load("ingest-remittances", "remittances/mto-017_2024-03.csv"));
        runs.put("bnk", cli.load("ingest-remittances", "remittances/bnk-003_2024-03.jsonl"));
        runs.put(
                "de",
                cli.load(
                        "ingest-remittances",
                        "remittances/dushanbe-express_2024-03.csv",
                        "mapping=remittances/dushanbe-express"));
        runs.put("nrb", cli.load("ingest-remittances", "remittances/nrb_corridors_2024-03.csv"));
        runs.put("nbt", cli.load("ingest-remittances", "remittances/nbt_corridors_2024-03.csv"));
    }

    @Test
    void summariesCountReadAcceptedAndRejectedByRule() {
        assertThat(runs.get("mto").out())
                .contains("152 lines read: 137 transactions stored, 15 rejected\n")
                .contains(
                        "rejected by rule: amount_not_positive 1, bad_channel 1, bad_country 2, bad_currency 1, bad_number 1,"
                                + " bad_timestamp 2, duplicate_in_file 2, fee_negative 1, malformed_line 1, required 2, unknown_unit 1\n");
        assertThat(runs.get("bnk").out())
                .contains("103 records read: 89 transactions stored, 14 rejected\n")
                .contains(
                        "rejected by rule: amount_not_positive 1, bad_channel 1, bad_country 1, bad_currency 1, bad_number 2,"
                                + " bad_timestamp 1, duplicate_in_file 1, fee_negative 1, malformed_line 2, required 1, unknown_unit 2\n");
        assertThat(runs.get("de").out())
                .contains("80 lines read: 69 transactions stored, 11 rejected\n")
                .contains(
                        "rejected by rule: ambiguous_locality 2, bad_channel 1, bad_currency 1, bad_number 1, bad_timestamp 1,"
                                + " duplicate_in_file 1, malformed_line 1, required 1, unresolved_locality 2\n");
        assertThat(runs.get("nrb").out()).contains("8 lines read: 8 corridor aggregates stored, 0 rejected");
        assertThat(runs.get("nbt").out()).contains("4 lines read: 4 corridor aggregates stored, 0 rejected");
        assertThat(runs.values()).allSatisfy(r -> assertThat(r.out()).contains("COMPLETED in"));
    }

    @Test
    void quarantineNamesTheLinesAndRulesOfTheBadRows() throws IOException {
        assertThat(rejects("mto-017_2024-03.csv"))
                .containsExactly(
                        "9 bad_timestamp",
                        "16 required",
                        "23 bad_country",
                        "31 bad_number",
                        "38 amount_not_positive",
                        "44 bad_currency",
                        "52 duplicate_in_file",
                        "57 fee_negative",
                        "63 malformed_line",
                        "71 bad_timestamp",
                        "78 bad_country",
                        "86 unknown_unit",
                        "94 bad_channel",
                        "101 required",
                        "120 duplicate_in_file");
        assertThat(rejects("bnk-003_2024-03.jsonl"))
                .containsExactly(
                        "7 malformed_line",
                        "13 required",
                        "19 bad_timestamp",
                        "26 bad_number",
                        "33 amount_not_positive",
                        "39 fee_negative",
                        "46 bad_country",
                        "52 bad_currency",
                        "58 bad_channel",
                        "64 unknown_unit",
                        "71 duplicate_in_file",
                        "77 malformed_line",
                        "84 unknown_unit",
                        "90 bad_number");
        assertThat(rejects("dushanbe-express_2024-03.csv"))
                .containsExactly(
                        "6 unresolved_locality",
                        "14 ambiguous_locality",
                        "21 bad_number",
                        "29 malformed_line",
                        "36 unresolved_locality",
                        "43 bad_channel",
                        "50 required",
                        "57 ambiguous_locality",
                        "63 bad_timestamp",
                        "70 bad_currency",
                        "76 duplicate_in_file");
    }

    @Test
    void aRejectCarriesTheFileTheRawLineAndAMessageThatSaysWhy() throws IOException {
        List<String> lines = Files.readAllLines(quarantine("mto-017_2024-03.csv"));
        assertThat(lines.get(0)).isEqualTo("source_file,line,rule,message,raw");
        // the rows read as CSV (the quarantine quotes only the fields that need it)
        List<List<String>> rows = org.mizan.jobs.ingest.QuarantineReader.read(
                quarantine("mto-017_2024-03.csv"), java.nio.charset.StandardCharsets.UTF_8);
        List<String> dup =
                rows.stream().filter(r -> r.get(1).equals("52")).findFirst().orElseThrow();
        assertThat(dup.subList(0, 4))
                .containsExactly(
                        "mto-017_2024-03.csv",
                        "52",
                        "duplicate_in_file",
                        "txn_id T-2024-017-0003 of MTO-017 was already accepted at line 4");
        List<String> unit =
                rows.stream().filter(r -> r.get(1).equals("86")).findFirst().orElseThrow();
        assertThat(unit.subList(2, 4))
                .containsExactly("unknown_unit", "receiving_unit_code 'NP-P1-DHA-M99' is not in the gazetteer");
    }

    @Test
    void amountUsdRollsUpToEveryLevel() {
        assertThat(inflow("NP", "2024-03")).isEqualTo("0|107292.2157|135");
        assertThat(inflow("NP-P1", "2024-03")).isEqualTo("1|84977.5985|110");
        assertThat(inflow("NP-P1-DHA", "2024-03")).isEqualTo("2|44553.2385|61");
        assertThat(inflow("NP-P1-DHA-M01", "2024-03")).isEqualTo("3|24715.2503|35");
        assertThat(inflow("NP-P1-DHA-M01-W05", "2024-03")).isEqualTo("4|7894.1563|9");
        assertThat(inflow("TJ", "2024-03")).isEqualTo("0|75969.6679|156");
        // an offset that crosses midnight puts a transaction in the UTC month it happened in
        assertThat(inflow("NP", "2024-02")).isEqualTo("0|1000.2472|1");
        assertThat(inflow("NP", "2024-04")).isEqualTo("0|635.3989|1");
    }

    @Test
    void inflowsCostsAndEveryTransactionEqualTheIndependentComputation() throws IOException {
        JsonNode expected = new JsonMapper()
                .readTree(MizanCli.FIXTURES.resolve("tools/expected.json").toFile());
        List<String> want = new ArrayList<>();
        expected.get("inflows")
                .forEach(r -> want.add(r.get("unit_code").asString() + "|"
                        + r.get("level").asInt() + "|" + r.get("period").asString() + "|"
                        + new BigDecimal(r.get("amount_usd").asString()).setScale(4) + "|"
                        + r.get("txn_count").asLong()));
        assertThat(rows("select unit_code, level, period, amount_usd, txn_count from remittance_inflows"))
                .containsExactlyInAnyOrderElementsOf(want)
                .hasSize(50);

        List<String> cost = new ArrayList<>();
        expected.get("cost")
                .forEach(r -> cost.add(String.join(
                        "|",
                        r.get("sender_country").asString(),
                        r.get("receiving_country").asString(),
                        r.get("provider_id").asString(),
                        r.get("channel").asString(),
                        r.get("quarter").asString(),
                        new BigDecimal(r.get("avg_cost_pct").asString())
                                .setScale(4)
                                .toPlainString(),
                        r.get("txn_count").asString(),
                        r.get("is_above_3pct").asString(),
                        r.get("is_above_5pct").asString())));
        assertThat(rows(
                        "select sender_country, receiving_country, provider_id, channel, quarter, avg_cost_pct, txn_count,"
                                + " is_above_3pct, is_above_5pct from remittance_cost"))
                .containsExactlyInAnyOrderElementsOf(cost)
                .hasSize(25);

        List<String> txns = new ArrayList<>();
        expected.get("transactions")
                .forEach(t -> txns.add(String.join(
                        "|",
                        t.get("provider_id").asString(),
                        t.get("txn_id").asString(),
                        t.get("period").asString(),
                        t.get("receiving_unit_code").asString(),
                        t.get("amount_usd").isNull()
                                ? "null"
                                : new BigDecimal(t.get("amount_usd").asString())
                                        .setScale(4)
                                        .toPlainString(),
                        new BigDecimal(t.get("cost_pct").asString()).setScale(4).toPlainString(),
                        t.get("rate_date").isNull()
                                ? "null"
                                : t.get("rate_date").asString())));
        // (US dollars need no rate: the independent computation leaves their rate date empty)
        assertThat(rows("select provider_id, txn_id, period, receiving_unit_code, amount_usd, cost_pct,"
                        + " case when currency = 'USD' then null else fx_rate_date end from remittance_transactions"))
                .containsExactlyInAnyOrderElementsOf(txns)
                .hasSize(295);
    }

    @Test
    void costPctIsTheFeeShareOfTheAmountPlusTheFxMargin() {
        assertThat(cli.value("select cost_pct from remittance_transactions where txn_id = 'T-2024-017-0001'"))
                .isEqualTo("1.5574");
        assertThat(cli.value("select cost_pct from remittance_transactions where txn_id = 'T-2024-017-0139'"))
                .isEqualTo("1.4058");
        assertThat(cli.value("select cost_pct from remittance_transactions where txn_id = 'BNK3-24-003101'"))
                .isEqualTo("2.1900");
        assertThat(cli.value("select cost_pct from remittance_transactions where txn_id = 'BNK3-24-003104'"))
                .isEqualTo("0.7500");
        assertThat(cli.value("select cost_pct from remittance_transactions where txn_id = 'DE-240300701'"))
                .isEqualTo("2.0419");
        // a quoted txn_id with the delimiter inside it is one field
        assertThat(cli.value("select cost_pct from remittance_transactions where txn_id = 'T-2024-017-0046,A'"))
                .isEqualTo("2.4659");
    }

    @Test
    void theRateOfTheDayOrTheNearestEarlierOneConvertsToUsd() {
        // 2024-03-26 is a Tuesday: that day's MYR rate
        assertThat(
                        row(
                                "select amount_usd, fx_rate, fx_rate_date from remittance_transactions where txn_id = 'T-2024-017-0001'"))
                .isEqualTo("346.4547|4.64130000|2024-03-26");
        // sent on Saturday 2024-03-02 (UTC): Friday's rate is the nearest earlier one
        assertThat(cli.value(
                        "select count(*) from remittance_transactions where dayofweek(cast(sent_at as date)) in (0, 6)"
                                + " and currency <> 'USD' and fx_rate_date = cast(sent_at as date)"))
                .isEqualTo("0");
        // US dollars need no rate
        assertThat(
                        cli.value(
                                "select count(*) from remittance_transactions where currency = 'USD' and (fx_rate <> 1 or amount_usd <> amount)"))
                .isEqualTo("0");
    }

    @Test
    void aTransactionWithNoRateIsKeptCountedAndLeftOutOfTheUsdSum() {
        assertThat(
                        rows(
                                "select txn_id, currency, amount_usd from remittance_transactions where amount_usd is null order by txn_id"))
                .containsExactly("T-2024-017-0004|KWD|null", "T-2024-017-0033|KWD|null", "T-2024-017-0109|KWD|null");
    }

    @Test
    void centralBankAggregatesAreKeptPerReporter() {
        assertThat(
                        rows(
                                "select reporter, sum(amount_usd), sum(txn_count) from corridor_aggregates group by reporter order by reporter"))
                .containsExactly("NBT|375607962.3200|885099", "NRB|225204426.5900|615977");
    }

    private static String unit(String fixture) {
        return org.mizan.lake.Lake.unitOf(MizanCli.FIXTURES.resolve("remittances/" + fixture)) + ".parquet";
    }

    @Test
    void theLakeIsPartitionedByPeriodAndSourceWithOneFileAUnitOfLoad() throws IOException {
        Path dir = cli.home().resolve("lake/remittance_transactions");
        try (var files = Files.walk(dir)) {
            assertThat(files.filter(p -> p.toString().endsWith(".parquet") && !p.endsWith("_schema.parquet"))
                            .map(p -> dir.relativize(p).toString())
                            .sorted()
                            .toList())
                    .containsExactly(
                            // each delivered file's unit of load: its name and the hash of its path (issue 22's load
                            // identity)
                            "period=2024-02/source=BNK-003/" + unit("bnk-003_2024-03.jsonl"),
                            "period=2024-02/source=MTO-017/" + unit("mto-017_2024-03.csv"),
                            "period=2024-02/source=MTO-042/" + unit("dushanbe-express_2024-03.csv"),
                            "period=2024-03/source=BNK-003/" + unit("bnk-003_2024-03.jsonl"),
                            "period=2024-03/source=MTO-017/" + unit("mto-017_2024-03.csv"),
                            "period=2024-03/source=MTO-042/" + unit("dushanbe-express_2024-03.csv"),
                            "period=2024-04/source=MTO-017/" + unit("mto-017_2024-03.csv"));
        }
    }

    private String inflow(String unit, String period) {
        return row("select level, amount_usd, txn_count from remittance_inflows where unit_code = '" + unit
                + "' and period = '" + period + "'");
    }

    private String row(String sql) {
        List<String> r = rows(sql);
        assertThat(r).hasSize(1);
        return r.get(0);
    }

    private List<String> rows(String sql) {
        return cli.query(sql).stream()
                .map(row -> String.join(
                        "|",
                        row.stream()
                                .map(v -> v instanceof BigDecimal d ? d.toPlainString() : String.valueOf(v))
                                .toList()))
                .toList();
    }

    private Path quarantine(String file) throws IOException {
        try (var s = Files.walk(cli.home().resolve("quarantine"))) {
            return s.filter(p -> p.getFileName().toString().endsWith("_" + file + ".rejects.csv"))
                    .findFirst()
                    .orElseThrow();
        }
    }

    private List<String> rejects(String file) throws IOException {
        return Files.readAllLines(quarantine(file)).stream()
                .skip(1)
                .map(l -> l.split(",", 4))
                .map(f -> f[1] + " " + f[2])
                .toList();
    }
}
