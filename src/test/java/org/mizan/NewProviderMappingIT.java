package org.mizan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A provider whose export looks nothing like format 2 is loaded with a mapping file alone: no Java. */
class NewProviderMappingIT {

    @Test
    void aWindows1251TabSeparatedExportWithThousandsSeparatorsLoadsThroughAMapping() throws IOException {
        MizanCli cli = MizanCli.inTempHome("provider");
        cli.load("load-gazetteer", "gazetteer/admin_units.csv");
        cli.load("load-fx-rates", "fx/fx_rates.csv");
        Path dir = MizanCli.tempDir("provider");
        // given a bank's export: tab-separated, Windows-1251, Russian headers, "1 234,50" amounts, day-first dates
        Path export = dir.resolve("zolotaya-korona-2024-03.tsv");
        Files.writeString(
                export,
                String.join(
                                "\n",
                                "Номер\tВремя отправки\tСтрана\tКод получателя\tСумма\tВалюта\tКомиссия\tСпособ",
                                "ZK-1\t05.03.2024 10:00:00 +0300\tRU\tTJ-SU-PNJ-J04\t25 000,00\tRUB\t250,00\tкарта",
                                "ZK-2\t06.03.2024 11:30:00 +0300\tRU\tTJ-KT-KUL-J01\t1 500,50\tRUB\t0,00\tналичные",
                                "ZK-3\t07.03.2024 12:00:00 +0300\tRU\tTJ-KT-KUL-J01\t9 000\tRUB\t90\tпочта")
                        + "\n",
                Charset.forName("windows-1251"));
        Path mapping = dir.resolve("zolotaya-korona.yml");
        Files.writeString(mapping, """
                dataset: remittance_transactions
                encoding: windows-1251
                delimiter: tab
                decimal_separator: ","
                thousands_separator: " "
                timestamp_pattern: dd.MM.yyyy HH:mm:ss Z
                source_id: ZK
                constants:
                  provider_id: ZK-001
                columns:
                  txn_id: [Номер]
                  sent_at: [Время отправки]
                  sender_country: [Страна]
                  receiving_unit_code: [Код получателя]
                  amount: [Сумма]
                  currency: [Валюта]
                  fee: [Комиссия]
                  channel: [Способ]
                values:
                  channel: {карта: bank, наличные: cash_agent, почта: post}
                required: [txn_id, sent_at, sender_country, receiving_unit_code, amount, currency, fee, channel]
                """);
        // when it is loaded with that mapping
        MizanCli.Result r = cli.run("run", "ingest-remittances", "file=" + export, "mapping=" + mapping);
        // then every row is in, with the provider, amounts, channels and UTC times the mapping describes
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("3 lines read: 3 transactions stored, 0 rejected");
        assertThat(cli
                        .query(
                                "select txn_id, provider_id, sent_at::varchar, amount, fee, channel, source_id from remittance_transactions order by txn_id")
                        .stream()
                        .map(Object::toString)
                        .toList())
                .containsExactly(
                        "[ZK-1, ZK-001, 2024-03-05 07:00:00+00, 25000.0000, 250.0000, bank, ZK]",
                        "[ZK-2, ZK-001, 2024-03-06 08:30:00+00, 1500.5000, 0.0000, cash_agent, ZK]",
                        "[ZK-3, ZK-001, 2024-03-07 09:00:00+00, 9000.0000, 90.0000, post, ZK]");
    }
}
