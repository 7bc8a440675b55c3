package org.mizan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code mizan query}: read-only, three output formats, refusals with exit code 2. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryIT {

    private final MizanCli cli = MizanCli.inTempHome("query");

    @BeforeAll
    void load() {
        cli.load("load-gazetteer", "gazetteer/admin_units.csv");
    }

    @Test
    void printsTableCsvAndJson() {
        String sql =
                "select unit_code, name, level from admin_units where unit_code in ('NP', 'TJ') order by unit_code";
        assertThat(cli.run("query", sql).out()).isEqualTo("""
                unit_code  name        level
                ---------  ----------  -----
                NP         Nepal           0
                TJ         Tajikistan      0
                (2 rows)
                """);
        assertThat(cli.run("query", sql, "--format", "csv").out())
                .isEqualTo("unit_code,name,level\nNP,Nepal,0\nTJ,Tajikistan,0\n");
        assertThat(cli.run("query", sql, "--format", "json").out()).isEqualTo("""
                [
                  {"unit_code": "NP", "name": "Nepal", "level": 0},
                  {"unit_code": "TJ", "name": "Tajikistan", "level": 0}
                ]
                """);
    }

    @Test
    void refusesEveryStatementThatWrites() {
        for (String sql : new String[] {
            "insert into admin_units values (1)",
            "drop view admin_units",
            "create table x as select 1",
            "copy admin_units to '/tmp/x.csv'",
            "attach '/tmp/other.duckdb'",
            "select 1; drop view admin_units",
            "update dim_admin_units set name = 'x'"
        }) {
            MizanCli.Result r = cli.run("query", sql);
            assertThat(r.code()).as(sql).isEqualTo(2);
            assertThat(r.err()).as(sql).contains("query ");
        }
        // and a reading statement cannot reach other files either
        MizanCli.Result r = cli.run("query", "select * from read_csv('/etc/passwd')");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("the query failed").contains("disabled");
        assertThat(cli.value("select count(*) from admin_units")).isEqualTo("36");
    }

    @Test
    void aHomeWithNoWarehouseSaysWhatToDo() {
        MizanCli empty = MizanCli.inTempHome("empty");
        MizanCli.Result r = empty.run("query", "select 1");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("no warehouse in " + empty.home()).contains("./mizan demo");
    }
}
