package org.mizan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The real Nepal local levels (Code for Nepal's PostgreSQL dump, copied in fixtures/real) through a mapping:
 * the COPY block read as a table, codes rewritten per level, protected-area pseudo-units left out and counted.
 */
class NepalGazetteerIT {

    @Test
    void theRealNepalFileLoadsItsLevelsAndRollsUpToKoshiAndNepal() throws Exception {
        MizanCli cli = MizanCli.inTempHome("nepal");
        MizanCli.Result r =
                cli.load("load-gazetteer", "real/nepal_geography_wazimap.sql", "mapping=gazetteer/nepal-wazimap");
        // 1 + 7 + 77 + 774 rows; the 19 local rows with codes ending in 99 are protected areas, and so are two rows
        // ending in 88 (Shivapuri Watershed And Wildlife Reserve, Parsa Wildlife Reserve): 21 left out, said so
        assertThat(r.out())
                .contains("859 lines read: 838 units stored, 21 rejected")
                .contains("rejected by rule: excluded 21");
        assertThat(cli.query("select level, count(*) from admin_units group by level order by level")
                        .toString())
                .isEqualTo("[[0, 1], [1, 7], [2, 77], [3, 753]]");
        assertThat(cli.value(
                        "select count(*) from admin_units where name like '%Reserve%' or name like '%National Park%'"))
                .isEqualTo("0");
        assertThat(cli.value("select name from admin_units where unit_code = 'NP-P1'"))
                .isEqualTo("Province No. 1");
        assertThat(cli.value("select parent_code from admin_units where unit_code = 'NP-L10003'"))
                .isEqualTo("NP-D11");
        assertThat(cli.value("select parent_code from admin_units where unit_code = 'NP-D11'"))
                .isEqualTo("NP-P1");
        assertThat(cli.value("select count(*) from admin_units where name = 'Sunkoshi Rural Municipality'"))
                .isEqualTo("4");
        // a transaction into Bhojpur Municipality rolls up to its district, Koshi Province (NP-P1) and Nepal
        cli.load("load-fx-rates", "fx/fx_rates.csv");
        Path feed = MizanCli.tempDir("nepal").resolve("mto-017_2024-03_bhojpur.csv");
        Files.writeString(
                feed,
                "txn_id,provider_id,sent_at,sender_country,receiving_unit_code,amount,currency,fee,fx_margin_pct,channel\n"
                        + "B-1,MTO-017,2024-03-04T10:00:00+03:00,QA,NP-L10003,1000.00,QAR,10.00,,mto\n");
        assertThat(cli.run("run", "ingest-remittances", "file=" + feed).code()).isZero();
        assertThat(cli.query("select unit_code, level, txn_count, amount_usd from remittance_inflows order by level")
                        .toString())
                .isEqualTo(
                        "[[NP, 0, 1, 274.6800], [NP-P1, 1, 1, 274.6800], [NP-D11, 2, 1, 274.6800], [NP-L10003, 3, 1, 274.6800]]");
    }
}
