package org.mizan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Format 2 as providers really send it, with no mapping: columns in another order, an extra column, CRLF line
 * ends, codes in lower case, fractions of seconds, and place names instead of unit codes.
 */
class Format2VariantsIT {

    @Test
    void aStandardFileInAnotherShapeLoadsWithTheDefaultMapping() throws IOException {
        MizanCli cli = MizanCli.inTempHome("variants");
        cli.load("load-gazetteer", "gazetteer/admin_units.csv");
        cli.load("load-fx-rates", "fx/fx_rates.csv");
        Path feed = MizanCli.tempDir("variants").resolve("bnk-009 march.csv");
        Files.writeString(
                feed,
                String.join(
                                "\r\n",
                                "provider_id,txn_id,branch,sent_at,amount,currency,fee,channel,sender_country,receiving_locality",
                                "BNK-009,X1,Moscow-3,2024-03-04T10:00:00.250+03:00,10000,rub,100,BANK,ru,jamoat rudaki",
                                "BNK-009,X2,Moscow-3,2024-03-05T10:00:00Z,5000.5,RUB,0,Mobile_Money,RU,Dhankuta Municipality",
                                "BNK-009,X3,Moscow-3,2024-03-05T11:00:00Z,100,RUB,1,bank,RU,Jamoat Navruz",
                                "BNK-009,X4,Moscow-3,2024-03-05T12:00:00Z,100,RUB,1,bank,RU,Atlantis")
                        + "\r\n");
        MizanCli.Result r = cli.run("run", "ingest-remittances", "file=" + feed);
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out())
                .contains("4 lines read: 2 transactions stored, 2 rejected")
                .contains("rejected by rule: ambiguous_locality 1, unresolved_locality 1");
        assertThat(cli
                        .query(
                                "select txn_id, sender_country, currency, channel, receiving_unit_code, sent_at::varchar, amount"
                                        + " from remittance_transactions order by txn_id")
                        .stream()
                        .map(Object::toString)
                        .toList())
                .containsExactly(
                        "[X1, RU, RUB, bank, TJ-SU-PNJ-J04, 2024-03-04 07:00:00.25+00, 10000.0000]",
                        "[X2, RU, RUB, mobile_money, NP-P1-DHA-M01, 2024-03-05 10:00:00+00, 5000.5000]");
        // the lake names the delivered file's unit of load safely
        assertThat(Files.exists(cli.home()
                        .resolve("lake/remittance_transactions/period=2024-03/source=BNK-009/"
                                + org.mizan.lake.Lake.unitOf(feed) + ".parquet")))
                .isTrue();
    }
}
