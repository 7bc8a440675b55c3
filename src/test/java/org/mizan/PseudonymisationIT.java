package org.mizan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.mizan.warehouse.ReadOnlyQuery;

/**
 * Personal data never reaches the home in clear, in any encoding; a key rotation keeps every link.
 */
class PseudonymisationIT {

    /** Every name, phone number and ID number of the registry fixtures, as written there and as normalised. */
    static final List<String> PII = List.of(
            // Dhankuta
            "Ram Bahadur Thapa",
            "Sita Kumari Rai",
            "Hari Prasad Shrestha",
            "Gita Gurung",
            "Bishnu Magar",
            "Kamala Tamang",
            "Mohan Karki",
            "Nabin Basnet",
            "9841000001",
            "9841000002",
            "9841000003",
            "9841000004",
            "9841000005",
            "9841000007",
            "9841000008",
            "9841000009",
            "9841000010",
            "12-01-70-00123",
            "12-01-71-00456",
            "12-01-72-00789",
            "12-01-73-01011",
            "12-01-74-02022",
            "12-01-75-03033",
            "12-01-76-04044",
            "12017000123",
            "12017100456",
            "12017200789",
            "12017301011",
            // Rudaki
            "Каримов Далер",
            "Саидова Нигина",
            "Рахимов Фарход",
            "Назарова Мадина",
            "Юсупов Бахтиёр",
            "Шарипов Умед",
            "Холова Зарина",
            "Каримов",
            "Саидова",
            "555 01 17",
            "555 02 18",
            "555 03 19",
            "555 04 20",
            "555 05 21",
            "555 06 23",
            "555 07 24",
            "A1234567",
            "A7654321",
            "A2345678",
            "A3456789",
            "A4567890",
            "A5678901",
            "A6789012",
            "123-4567",
            // Kutaisi
            "გიორგი ბერიძე",
            "ნინო კაპანაძე",
            "ლევან ჯაფარიძე",
            "თამარ გელაშვილი",
            "დავით ლომიძე",
            "ანა ხუციშვილი",
            "ბერიძე",
            "599 11 22 33",
            "599 22 33 44",
            "599 33 44 55",
            "599 44 55 66",
            "599 66 77 88",
            "599 77 88 99",
            "01001011111",
            "01001022222",
            "01001033333",
            "01001044444",
            "01001066666",
            "01001077777");

    static final List<Charset> ENCODINGS = List.of(
            StandardCharsets.UTF_8,
            StandardCharsets.UTF_16LE,
            StandardCharsets.UTF_16BE,
            Charset.forName("windows-1251"));

    static void loadAll(MizanCli cli, List<MizanCli.Result> outputs) {
        outputs.add(cli.load("load-gazetteer", "gazetteer/admin_units.csv"));
        outputs.add(cli.load("load-gazetteer", "registries/admin_units_ge.csv"));
        outputs.add(cli.load("load-fx-rates", "fx/fx_rates.csv"));
        outputs.add(cli.load("load-fx-rates", "registries/fx_rates_gel.csv"));
        outputs.add(cli.load(
                "ingest-registries", "registries/dhankuta_people_2024.csv", "mapping=registries/dhankuta-people"));
        outputs.add(cli.load(
                "ingest-registries", "registries/rudaki_migrants_2024.csv", "mapping=registries/rudaki-people"));
        outputs.add(cli.load(
                "ingest-registries", "registries/kutaisi_people_2024.xlsx", "mapping=registries/kutaisi-people"));
        outputs.add(cli.load(
                "ingest-registries", "registries/dhankuta_services_2024.csv", "mapping=registries/dhankuta-services"));
        outputs.add(cli.load(
                "ingest-registries", "registries/rudaki_services_2024.csv", "mapping=registries/rudaki-services"));
        outputs.add(cli.load(
                "ingest-registries", "registries/kutaisi_services_2024.xlsx", "mapping=registries/kutaisi-services"));
    }

    /** A home in which {@link #loadAll} ran, and what each load printed. */
    record Loaded(MizanCli cli, List<MizanCli.Result> outputs) {}

    private static Loaded loaded;

    /**
     * The registry fixtures loaded once in this JVM ({@link #loadAll}) into a home of their own, which this class
     * reads and scans and KeyRotationIT copies (the ten loads, each building the warehouse, are this class's and
     * that one's longest step).
     */
    static synchronized Loaded loaded() {
        if (loaded == null) {
            MizanCli cli = MizanCli.inTempHome("pii");
            List<MizanCli.Result> outputs = new ArrayList<>();
            loadAll(cli, outputs);
            loaded = new Loaded(cli, List.copyOf(outputs));
        }
        return loaded;
    }

    @Test
    void noFileUnderTheHomeHoldsANamePhoneOrIdNumberInClearInAnyEncoding() throws Exception {
        MizanCli cli = loaded().cli();
        List<MizanCli.Result> outputs = new ArrayList<>(loaded().outputs());
        // the steward's views of the rejects, as a provider would get them
        for (int execution = 1; execution <= 10; execution++) {
            outputs.add(cli.run("rejects", String.valueOf(execution), "--format", "csv"));
            outputs.add(cli.run("show", String.valueOf(execution)));
        }
        // the scan finds what it looks for: a fixture holds the names in clear, in its own encoding
        assertThat(findings(MizanCli.FIXTURES.resolve("registries/rudaki_migrants_2024.csv")))
                .contains("Каримов Далер in windows-1251");
        assertThat(findings(MizanCli.FIXTURES.resolve("registries/dhankuta_people_2024.csv")))
                .contains("Gita Gurung in UTF-8");

        List<String> found = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.walk(cli.home())) {
            files = s.filter(Files::isRegularFile).toList();
        }
        int parquet = 0;
        int duckdb = 0;
        int quarantine = 0;
        for (Path f : files) {
            String name = f.getFileName().toString();
            // every file's bytes, whatever it is: logs, quarantine, job repository, keys, lake, warehouse
            findings(f).forEach(x -> found.add(cli.home().relativize(f) + ": " + x));
            if (name.endsWith(".parquet")) {
                parquet++;
                textOfParquet(f).forEach((where, text) -> clearIn(text).forEach(x -> found.add(where + ": " + x)));
            } else if (name.matches("mizan-.*\\.duckdb")) {
                duckdb++;
                textOfWarehouse(f)
                        .forEach((where, text) -> clearIn(text).forEach(x -> found.add(name + " " + where + ": " + x)));
            } else if (name.endsWith(".rejects.csv")) {
                quarantine++;
            }
        }
        for (MizanCli.Result r : outputs) {
            clearIn(r.out() + r.err()).forEach(x -> found.add("command output: " + x));
        }
        assertThat(parquet).as("Parquet files read back").isGreaterThanOrEqualTo(6);
        assertThat(duckdb).as("warehouse builds read back").isGreaterThanOrEqualTo(1);
        assertThat(quarantine).as("quarantine files").isEqualTo(6);
        assertThat(files).anyMatch(f -> f.toString().endsWith("logs/mizan.log"));
        assertThat(found).isEmpty();
    }

    @Test
    void theKeyFileIsOwnerOnlyAndOutsideTheLake() throws Exception {
        // (the home of every registry load: the key as the first of them wrote it, and as the others left it)
        MizanCli cli = loaded().cli();
        Path key = cli.home().resolve("keys/pseudonym.keys");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
                .isEqualTo("rw-------");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(key.getParent())))
                .isEqualTo("rwx------");
    }

    /** Each PII value found in the file's bytes, with the encoding it was found in. */
    static List<String> findings(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        // one pass over the bytes for every needle at once (not one pass per value and encoding: the warehouse builds
        // are megabytes each): a 3-byte window is looked up in the needles' first three bytes, a hit compared whole
        boolean[] found = new boolean[NEEDLES.size()];
        for (int i = 0; i + 2 < bytes.length; i++) {
            int head = (bytes[i] & 0xff) << 16 | (bytes[i + 1] & 0xff) << 8 | (bytes[i + 2] & 0xff);
            if ((HEADS[head >>> 6] & (1L << head)) == 0) {
                continue;
            }
            for (int n : BY_HEAD.get(head)) {
                if (!found[n] && startsWith(bytes, i, NEEDLES.get(n).bytes())) {
                    found[n] = true;
                }
            }
        }
        List<String> out = new ArrayList<>();
        for (int n = 0; n < NEEDLES.size(); n++) {
            if (found[n]) {
                out.add(NEEDLES.get(n).name());
            }
        }
        return out;
    }

    /** A PII value in one encoding, as findings names it. */
    private record Needle(String name, byte[] bytes) {}

    /** Every PII value in every encoding that can write it, in the order findings reports them (value, encoding). */
    private static final List<Needle> NEEDLES = new ArrayList<>();

    /** The needles' first three bytes: a bit set over all 2^24 heads, and each head's needles. */
    private static final long[] HEADS = new long[1 << 18];

    private static final Map<Integer, List<Integer>> BY_HEAD = new java.util.HashMap<>();

    static {
        for (String v : PII) {
            for (Charset cs : ENCODINGS) {
                CharsetEncoder enc = cs.newEncoder();
                if (!enc.canEncode(v)) {
                    continue;
                }
                byte[] b = v.getBytes(cs);
                if (b.length < 3) {
                    throw new IllegalStateException("a PII value shorter than the search's 3-byte head: " + v);
                }
                int head = (b[0] & 0xff) << 16 | (b[1] & 0xff) << 8 | (b[2] & 0xff);
                HEADS[head >>> 6] |= 1L << head;
                BY_HEAD.computeIfAbsent(head, h -> new ArrayList<>()).add(NEEDLES.size());
                NEEDLES.add(new Needle(v + " in " + cs.name(), b));
            }
        }
    }

    private static boolean startsWith(byte[] hay, int at, byte[] needle) {
        if (at + needle.length > hay.length) {
            return false;
        }
        for (int j = 0; j < needle.length; j++) {
            if (hay[at + j] != needle[j]) {
                return false;
            }
        }
        return true;
    }

    static List<String> clearIn(String text) {
        return PII.stream().filter(text::contains).toList();
    }

    /** Every cell of a Parquet file read back through DuckDB, as text. */
    private static Map<String, String> textOfParquet(Path file) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "select * from read_parquet('" + file.toString().replace("'", "''") + "')")) {
            out.put(file.toString(), rows(rs));
        }
        return out;
    }

    /** Every table and view of a warehouse build, read back as text. */
    private static Map<String, String> textOfWarehouse(Path file) throws Exception {
        Map<String, String> out = new TreeMap<>();
        // one read-only connection for every table of the build (not one opened per table)
        try (Connection c = ReadOnlyQuery.open(file)) {
            List<List<Object>> tables = ReadOnlyQuery.run(
                            c, "select table_name from information_schema.tables", List.of())
                    .rows();
            for (List<Object> t : tables) {
                out.put(
                        String.valueOf(t.get(0)),
                        String.valueOf(ReadOnlyQuery.run(c, "select * from \"" + t.get(0) + "\"", List.of())
                                .rows()));
            }
        }
        assertThat(out).containsKeys("fct_registry_people", "returnees", "service_deliveries");
        return out;
    }

    private static String rows(ResultSet rs) throws Exception {
        StringBuilder b = new StringBuilder();
        int n = rs.getMetaData().getColumnCount();
        while (rs.next()) {
            for (int i = 1; i <= n; i++) {
                b.append(rs.getString(i)).append('|');
            }
            b.append('\n');
        }
        return b.toString();
    }
}
