package org.mizan.extract;

import java.math.BigDecimal;

/** How a value is written in an extract's CSV and compared between releases. */
final class Cells {

    /** What a suppressed cell shows in CSV and XLSX (an empty cell in Parquet), explained in every extract. */
    static final String SUPPRESSED = "[c]";

    private Cells() {}

    static String text(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return v.toString();
    }
}
