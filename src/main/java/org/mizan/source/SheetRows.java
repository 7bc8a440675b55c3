package org.mizan.source;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;

/**
 * The rows of one sheet, pulled one at a time from its XML (StAX), so memory stays bounded whatever the sheet's
 * size. Cells are read by their type: shared and inline strings as text, numbers exactly as Excel stores them
 * (whole numbers without ".0"; a number formatted as zeros, like a 10-digit code, padded to that width), date-formatted
 * numbers as dates in the mapping's pattern, booleans as true/false, errors as empty. A merged range reads as its
 * first cell's value in every cell (the ranges are read in a first pass over the sheet).
 */
final class SheetRows {

    private static final XMLInputFactory XML = XMLInputFactory.newFactory();

    static {
        XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    /** One row: its Excel number (from 1) and cells (from column A). */
    record Row(long number, String[] cells) {}

    private final XlsxWorkbook book;
    private final DateTimeFormatter dates;
    private final InputStream in;
    private final XMLStreamReader xml;
    private final TreeMap<Integer, List<CellRangeAddress>> mergesByFirstRow = new TreeMap<>();
    private final List<CellRangeAddress> activeMerges = new ArrayList<>();
    private final Map<CellRangeAddress, String> mergeValues = new HashMap<>();
    private final Map<Integer, String[]> styleKinds = new HashMap<>();
    private long lastRow;

    SheetRows(XlsxWorkbook book, PackagePart sheet, DateTimeFormatter dates) throws IOException {
        this.book = book;
        this.dates = dates;
        readMerges(sheet);
        this.in = sheet.getInputStream();
        try {
            this.xml = XML.createXMLStreamReader(in);
        } catch (XMLStreamException e) {
            throw new IOException("the sheet's XML cannot be read: " + e.getMessage(), e);
        }
    }

    private void readMerges(PackagePart sheet) throws IOException {
        try (InputStream s = sheet.getInputStream()) {
            XMLStreamReader r = XML.createXMLStreamReader(s);
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT && "mergeCell".equals(r.getLocalName())) {
                    CellRangeAddress range = CellRangeAddress.valueOf(r.getAttributeValue(null, "ref"));
                    mergesByFirstRow
                            .computeIfAbsent(range.getFirstRow(), k -> new ArrayList<>())
                            .add(range);
                }
            }
            r.close();
        } catch (XMLStreamException e) {
            throw new IOException("the sheet's XML is not well-formed: " + e.getMessage(), e);
        }
    }

    /** The next row that has a cell, or null at the end of the sheet. */
    Row next() throws IOException {
        try {
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT && "row".equals(xml.getLocalName())) {
                    String r = xml.getAttributeValue(null, "r");
                    long number = r == null ? lastRow + 1 : Long.parseLong(r);
                    lastRow = number;
                    return new Row(number, merged((int) number - 1, cells()));
                }
            }
            return null;
        } catch (XMLStreamException e) {
            throw new IOException("the sheet's XML is not well-formed after row " + lastRow + ": " + e.getMessage(), e);
        }
    }

    private String[] cells() throws XMLStreamException {
        List<String> out = new ArrayList<>();
        int next = 0;
        while (xml.hasNext()) {
            int ev = xml.next();
            if (ev == XMLStreamConstants.END_ELEMENT && "row".equals(xml.getLocalName())) {
                break;
            }
            if (ev == XMLStreamConstants.START_ELEMENT && "c".equals(xml.getLocalName())) {
                String ref = xml.getAttributeValue(null, "r");
                int col = ref == null ? next : XlsxWorkbook.column(ref);
                String type = xml.getAttributeValue(null, "t");
                String style = xml.getAttributeValue(null, "s");
                String value = cell(type, style);
                while (out.size() <= col) {
                    out.add("");
                }
                out.set(col, value);
                next = col + 1;
            }
        }
        return out.toArray(new String[0]);
    }

    /** Reads one {@code <c>} element to its end and returns its value as text. */
    private String cell(String type, String style) throws XMLStreamException {
        String v = null;
        StringBuilder inline = null;
        int depth = 1;
        while (depth > 0 && xml.hasNext()) {
            int ev = xml.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                depth++;
                String name = xml.getLocalName();
                if ("v".equals(name)) {
                    v = xml.getElementText();
                    depth--;
                } else if ("t".equals(name) && "inlineStr".equals(type)) {
                    inline = inline == null ? new StringBuilder() : inline;
                    inline.append(xml.getElementText());
                    depth--;
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        if ("inlineStr".equals(type)) {
            return inline == null ? "" : inline.toString();
        }
        if (v == null) {
            return "";
        }
        return switch (type == null ? "n" : type) {
            case "s" -> book.strings.getItemAt(Integer.parseInt(v.strip())).getString();
            case "str", "d" -> v;
            case "b" -> "1".equals(v.strip()) ? "true" : "false";
            case "e" -> "";
            default -> number(v.strip(), style);
        };
    }

    private String number(String v, String style) {
        double d;
        try {
            d = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return v;
        }
        String[] kind = style == null ? null : styleKinds.computeIfAbsent(Integer.parseInt(style), this::kind);
        if (kind != null && "date".equals(kind[0]) && DateUtil.isValidExcelDate(d)) {
            LocalDateTime t = DateUtil.getLocalDateTime(d, book.date1904);
            return t.toLocalDate().format(dates);
        }
        String plain = BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        if (kind != null && "zeros".equals(kind[0]) && plain.matches("\\d+")) {
            int width = Integer.parseInt(kind[1]);
            return "0".repeat(Math.max(0, width - plain.length())) + plain;
        }
        return plain;
    }

    /** What a cell style makes of a number: a date, a code padded with zeros to a width, or a plain number. */
    private String[] kind(int styleIndex) {
        XSSFCellStyle s = book.styles.getStyleAt(styleIndex);
        if (s == null) {
            return new String[] {"number"};
        }
        String format = s.getDataFormatString();
        if (DateUtil.isADateFormat(s.getDataFormat(), format)) {
            return new String[] {"date"};
        }
        if (format != null && format.matches("0{2,}")) {
            return new String[] {"zeros", String.valueOf(format.length())};
        }
        return new String[] {"number"};
    }

    /** Fills the cells of merged ranges with the value of each range's first cell. */
    private String[] merged(int row, String[] cells) {
        if (mergesByFirstRow.isEmpty() && activeMerges.isEmpty()) {
            return cells;
        }
        // ranges are active from their first row to their last; a row may be skipped in the XML (it has no cells)
        for (Iterator<Map.Entry<Integer, List<CellRangeAddress>>> it =
                        mergesByFirstRow.headMap(row, true).entrySet().iterator();
                it.hasNext(); ) {
            activeMerges.addAll(it.next().getValue());
            it.remove();
        }
        activeMerges.removeIf(r -> {
            boolean done = r.getLastRow() < row;
            if (done) {
                mergeValues.remove(r);
            }
            return done;
        });
        String[] out = cells;
        for (CellRangeAddress r : activeMerges) {
            if (r.getFirstRow() == row) {
                int c = r.getFirstColumn();
                mergeValues.put(r, c < cells.length ? cells[c] : "");
            }
            String value = mergeValues.getOrDefault(r, "");
            if (out.length <= r.getLastColumn()) {
                String[] wider = java.util.Arrays.copyOf(out, r.getLastColumn() + 1);
                java.util.Arrays.fill(wider, out.length, wider.length, "");
                out = wider;
            }
            for (int c = r.getFirstColumn(); c <= r.getLastColumn(); c++) {
                out[c] = value;
            }
        }
        return out;
    }

    void close() throws IOException {
        try {
            xml.close();
        } catch (XMLStreamException e) {
            // the stream below is closed either way
        }
        in.close();
    }
}
