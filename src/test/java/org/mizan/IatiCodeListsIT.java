package org.mizan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The real IATI code lists (fixtures/real, see SOURCES.md) loaded by {@code ingest-ledgers}, recognised by their
 * {@code <codelist>} root, into the {@code code_lists} dimension with their English names. Expected values from
 * fixtures/tools/iati_expected.py (codelist()).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IatiCodeListsIT {

    private final MizanCli cli = MizanCli.inTempHome("codelists");
    private MizanCli.Result sector;

    @BeforeAll
    void load() {
        sector = cli.load("ingest-ledgers", "real/iati_codelist_Sector.xml");
        cli.load("ingest-ledgers", "real/iati_codelist_Currency.xml");
        cli.load("ingest-ledgers", "real/iati_codelist_TransactionType.xml");
    }

    @Test
    void everyCodeOfTheThreeListsIsLoadedWithItsStatus() {
        assertThat(sector.out())
                .contains("mapping defaults/iati-codelist")
                .contains("325 codes read: 325 code list entries stored, 0 rejected");
        assertThat(cli.query(
                                "select code_list, count(*), count(*) filter (where status = 'withdrawn') from code_lists group by all order by 1")
                        .toString())
                .isEqualTo("[[Currency, 176, 9], [Sector, 325, 30], [TransactionType, 13, 0]]");
    }

    @Test
    void namesAreTheEnglishNarratives() {
        assertThat(cli.query("select code_list, code, name from code_lists where (code_list, code) in"
                                + " (('Sector', '15190'), ('Sector', '16020'), ('Currency', 'NPR'), ('Currency', 'TJS'), ('TransactionType', '11'))"
                                + " order by 1, 2")
                        .toString())
                .isEqualTo("[[Currency, NPR, Nepalese Rupee], [Currency, TJS, Somoni],"
                        + " [Sector, 15190, Facilitation of orderly, safe, regular and responsible migration and mobility],"
                        + " [Sector, 16020, Employment creation], [TransactionType, 11, Incoming Commitment]]");
        assertThat(cli.value("select category from code_lists where code_list = 'Sector' and code = '11110'"))
                .isEqualTo("111");
    }

    @Test
    void aListDeliveredAgainReplacesItsCodesAndDoesNotDoubleThem() {
        cli.load("ingest-ledgers", "real/iati_codelist_TransactionType.xml");
        assertThat(cli.value("select count(*) from code_lists where code_list = 'TransactionType'"))
                .isEqualTo("13");
    }
}
