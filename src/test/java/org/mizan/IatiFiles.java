package org.mizan;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** IATI files made on the fly for tests: written activity by activity to disk, never held in memory. */
final class IatiFiles {

    private IatiFiles() {}

    /** One synthetic activity's XML, about 1.3 KB: two sectors, a country, a location, two transactions. */
    static String activity(long i) {
        return """
                 <iati-activity default-currency="NPR" last-updated-datetime="2024-01-01T00:00:00Z">
                  <iati-identifier>XX-GEN-%1$d</iati-identifier>
                  <reporting-org ref="XX-GEN" type="40"><narrative>Generated organisation</narrative></reporting-org>
                  <title><narrative>Generated activity %1$d</narrative></title>
                  <description><narrative>A description that Mizan does not keep, as long as real ones often are: training, seed funding and reintegration support for returnees in the municipality.</narrative></description>
                  <activity-status code="2"/>
                  <activity-date iso-date="2024-01-15" type="2"/>
                  <recipient-country code="NP" percentage="100"/>
                  <location><administrative vocabulary="A4" code="NP"/><point><pos>27.7 85.3</pos></point></location>
                  <sector vocabulary="1" code="16020" percentage="50"/>
                  <sector vocabulary="1" code="31120" percentage="50"/>
                  <budget type="1" status="1"><period-start iso-date="2024-01-01"/><period-end iso-date="2024-12-31"/><value currency="NPR" value-date="2024-01-01">200000</value></budget>
                  <transaction><transaction-type code="2"/><transaction-date iso-date="2024-%2$02d-10"/><value value-date="2024-%2$02d-10">%3$d.50</value><provider-org type="10"><narrative>Government</narrative></provider-org></transaction>
                  <transaction><transaction-type code="3"/><transaction-date iso-date="2024-%2$02d-20"/><value value-date="2024-%2$02d-20">1000</value></transaction>
                 </iati-activity>
                """.formatted(i, 1 + i % 12, 1000 + i % 1000);
    }

    /** Writes activities until the file reaches {@code bytes}; returns how many it wrote. */
    static long write(Path file, long bytes) throws IOException {
        long n = 0;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<iati-activities version=\"2.03\">\n");
            long written = 0;
            while (written < bytes) {
                String a = activity(++n);
                w.write(a);
                written += a.length();
            }
            w.write("</iati-activities>\n");
        }
        return n;
    }
}
