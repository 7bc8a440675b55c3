import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * A synthetic IATI activity file (standard 2.03) for the ledger benchmark: N activities, each with a title,
 * a description Mizan skips, 1-3 DAC sectors with percentages, a recipient country, one or two locations whose
 * administrative codes are units of fixtures/gazetteer/admin_units.csv, a budget and 2-6 transactions.
 *
 * <pre>java bench/GenerateIati.java N SEED OUT.xml [ID_PREFIX]</pre>
 *
 * ID_PREFIX (default XM-BENCH) starts every iati-identifier: files of one benchmark with different prefixes hold
 * different activities (bench/loads.sh).
 *
 * Written activity by activity: the generator holds one in memory, like the reader.
 */
public class GenerateIati {

    static final String[] UNITS = {
        "NP-P1-DHA-M01",
        "NP-P1-DHA-M02",
        "NP-P1-SUN-M01",
        "NP-P3-KTM-M01",
        "NP-P3-LAL-M01",
        "TJ-SU-PNJ-J04",
        "TJ-KT-KUL-J01"
    };
    static final String[] SECTORS = {"15190", "16020", "25030", "31120", "11220", "12220", "14030", "21020"};
    static final String[] TYPES = {"1", "2", "3", "4", "11"};

    public static void main(String[] args) throws IOException {
        int n = Integer.parseInt(args[0]);
        SplittableRandom rnd = new SplittableRandom(Long.parseLong(args[1]));
        Path out = Path.of(args[2]);
        String prefix = args.length > 3 ? args[3] : "XM-BENCH";
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write(
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<iati-activities version=\"2.03\" generated-datetime=\"2024-06-01T00:00:00Z\">\n");
            for (int i = 1; i <= n; i++) {
                String unit = UNITS[rnd.nextInt(UNITS.length)];
                String country = unit.substring(0, 2);
                String currency = country.equals("NP") ? "NPR" : "TJS";
                StringBuilder a = new StringBuilder(2048);
                a.append(" <iati-activity default-currency=\"")
                        .append(currency)
                        .append("\" last-updated-datetime=\"2024-06-01T00:00:00Z\">\n")
                        .append("  <iati-identifier>")
                        .append(prefix)
                        .append("-")
                        .append(i)
                        .append("</iati-identifier>\n")
                        .append(
                                "  <reporting-org ref=\"XM-BENCH\" type=\"40\"><narrative>Benchmark agency</narrative></reporting-org>\n")
                        .append("  <title><narrative>Reintegration and local development project ")
                        .append(i)
                        .append("</narrative></title>\n")
                        .append(
                                "  <description type=\"1\"><narrative>Seed funding, business training and psychosocial support for returnees")
                        .append(
                                " and migrant families; community infrastructure co-financed by the municipality and the diaspora.</narrative></description>\n")
                        .append(
                                "  <participating-org ref=\"XM-BENCH\" role=\"4\" type=\"40\"><narrative>Benchmark agency</narrative></participating-org>\n")
                        .append("  <activity-status code=\"2\"/>\n")
                        .append("  <activity-date iso-date=\"2023-0")
                        .append(1 + rnd.nextInt(9))
                        .append("-01\" type=\"2\"/>\n")
                        .append("  <activity-date iso-date=\"2026-12-31\" type=\"3\"/>\n")
                        .append("  <recipient-country code=\"")
                        .append(country)
                        .append("\" percentage=\"100\"/>\n")
                        .append(
                                "  <location><name><narrative>Project site</narrative></name><administrative vocabulary=\"G1\" level=\"3\" code=\"")
                        .append(unit)
                        .append(
                                "\"/><point srsName=\"http://www.opengis.net/def/crs/EPSG/0/4326\"><pos>27.7 85.3</pos></point></location>\n");
                int sectors = 1 + rnd.nextInt(3);
                int left = 100;
                for (int s = 0; s < sectors; s++) {
                    int pct = s == sectors - 1 ? left : left / 2;
                    left -= pct;
                    a.append("  <sector vocabulary=\"1\" code=\"")
                            .append(SECTORS[(i + s) % SECTORS.length])
                            .append("\" percentage=\"")
                            .append(pct)
                            .append("\"/>\n");
                }
                a.append("  <sector vocabulary=\"99\" code=\"LOCAL\" percentage=\"100\"/>\n")
                        .append(
                                "  <budget type=\"1\" status=\"1\"><period-start iso-date=\"2024-01-01\"/><period-end iso-date=\"2024-12-31\"/>")
                        .append("<value currency=\"")
                        .append(currency)
                        .append("\" value-date=\"2024-01-01\">")
                        .append(100000 + rnd.nextInt(900000))
                        .append("</value></budget>\n");
                int txns = 2 + rnd.nextInt(5);
                for (int t = 0; t < txns; t++) {
                    String day = String.format("2024-%02d-%02d", 1 + rnd.nextInt(12), 1 + rnd.nextInt(28));
                    a.append("  <transaction><transaction-type code=\"")
                            .append(TYPES[rnd.nextInt(TYPES.length)])
                            .append("\"/>")
                            .append("<transaction-date iso-date=\"")
                            .append(day)
                            .append("\"/>")
                            .append("<value value-date=\"")
                            .append(day)
                            .append("\">")
                            .append(1000 + rnd.nextInt(99000))
                            .append('.')
                            .append(rnd.nextInt(10))
                            .append("0</value>")
                            .append("<provider-org ref=\"XM-DAC-")
                            .append(rnd.nextInt(50))
                            .append("\" type=\"10\"><narrative>Donor government</narrative></provider-org>")
                            .append("<flow-type code=\"10\"/><finance-type code=\"110\"/></transaction>\n");
                }
                a.append(" </iati-activity>\n");
                w.write(a.toString());
            }
            w.write("</iati-activities>\n");
        }
    }
}
