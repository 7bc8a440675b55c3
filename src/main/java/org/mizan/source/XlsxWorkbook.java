package org.mizan.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;

/**
 * An XLSX workbook opened read-only for streaming (POI's event model: {@link XSSFReader}, a read-only shared-strings
 * table, the styles): the one place a delivered workbook is opened, so a check of the zip itself (sizes, ratio)
 * runs here before anything is expanded.
 */
final class XlsxWorkbook implements AutoCloseable {

    private static final Pattern DATE_1904 = Pattern.compile("date1904=\"(1|true)\"");

    final OPCPackage pkg;
    final ReadOnlySharedStringsTable strings;
    final StylesTable styles;
    final boolean date1904;
    private final XSSFReader reader;

    private XlsxWorkbook(OPCPackage pkg) throws Exception {
        this.pkg = pkg;
        this.reader = new XSSFReader(pkg);
        this.strings = new ReadOnlySharedStringsTable(pkg, false);
        this.styles = reader.getStylesTable();
        try (InputStream in = reader.getWorkbookData()) {
            // workbook.xml is small: the sheet list and the date system
            this.date1904 = DATE_1904
                    .matcher(new String(in.readNBytes(1 << 20), java.nio.charset.StandardCharsets.UTF_8))
                    .find();
        }
    }

    /** Opens {@code path}, or fails with a message naming it: not a zip, or not a workbook (cut short in transfer). */
    static XlsxWorkbook open(Path path) throws IOException {
        byte[] magic = new byte[4];
        try (InputStream in = Files.newInputStream(path)) {
            in.readNBytes(magic, 0, 4);
        }
        if (magic[0] != 'P' || magic[1] != 'K') {
            throw new MappingException(
                    path + ": is not an XLSX workbook (no zip signature). If it is a CSV export, use a csv mapping;"
                            + " if it is an old .xls, save it as .xlsx.");
        }
        OPCPackage pkg = null;
        try {
            // read-only: a package opened read-write is saved back into the delivered file on close
            pkg = OPCPackage.open(path.toFile(), PackageAccess.READ);
            return new XlsxWorkbook(pkg);
        } catch (Exception e) {
            if (pkg != null) {
                pkg.revert();
            }
            throw new MappingException(path + ": cannot be read as an XLSX workbook (" + plain(e)
                    + "): the file may have been cut short in transfer. Ask the source to export it again.");
        }
    }

    private static String plain(Exception e) {
        String m = e.getMessage();
        return m == null || m.isBlank()
                ? "not a workbook"
                : m.lines().findFirst().orElse(m);
    }

    /** A sheet by name (case and spacing ignored) or position from 1; the first when {@code sheet} is null. */
    PackagePart sheet(String sheet, Path path) throws IOException {
        List<String> names = new ArrayList<>();
        try {
            XSSFReader.SheetIterator it = reader.getSheetIterator();
            while (it.hasNext()) {
                it.next().close();
                String name = it.getSheetName();
                names.add(name);
                if (sheet == null
                        || HeaderLocator.normalise(name).equals(HeaderLocator.normalise(sheet))
                        || (sheet.matches("\\d+") && Integer.parseInt(sheet) == names.size() && !anyNamed(sheet))) {
                    return it.getSheetPart();
                }
            }
        } catch (org.apache.poi.openxml4j.exceptions.OpenXML4JException e) {
            throw new MappingException(path + ": cannot list the workbook's sheets (" + plain(e) + ")");
        }
        if (names.isEmpty()) {
            throw new MappingException(path + ": the workbook has no sheet. Ask the source to export it again.");
        }
        throw new MappingException(path + ": has no sheet '" + sheet + "' (its sheets: " + String.join(", ", names)
                + "). Set sheet: in the mapping to one of them, by name or position from 1.");
    }

    private boolean anyNamed(String sheet) throws IOException {
        try {
            XSSFReader.SheetIterator it = reader.getSheetIterator();
            while (it.hasNext()) {
                it.next().close();
                if (it.getSheetName().strip().equals(sheet)) {
                    return true;
                }
            }
            return false;
        } catch (org.apache.poi.openxml4j.exceptions.OpenXML4JException e) {
            return false;
        }
    }

    @Override
    public void close() {
        // revert, not close: nothing is ever written back to the delivered file
        pkg.revert();
    }

    static int column(String ref) {
        Matcher m = LETTERS.matcher(ref);
        if (!m.find()) {
            return -1;
        }
        int col = 0;
        for (char c : m.group().toCharArray()) {
            col = col * 26 + (c - 'A' + 1);
        }
        return col - 1;
    }

    private static final Pattern LETTERS = Pattern.compile("^[A-Z]+");
}
