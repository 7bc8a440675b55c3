package org.mizan.source.iati;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.mizan.source.MappingException;

/**
 * Streams the {@code iati-activity} elements of an IATI activity file (standard 2.0x), one at a time: memory
 * holds one activity, whatever the file's size. Elements Mizan does not use are skipped (their text is never
 * kept); namespaced attributes (d-portal's {@code dstore:*}) are ignored. A DOCTYPE is refused: IATI files have
 * none, and a DTD is how entity attacks come in.
 */
public final class IatiActivityReader implements Closeable {

    /** Longest text kept from a title or name; the rest is dropped (a title is not a document). */
    static final int MAX_TEXT = 4000;

    private final Path file;
    private final InputStream in;
    private final XMLStreamReader xml;
    private long activities;

    public IatiActivityReader(Path file) throws IOException {
        this.file = file;
        this.in = org.mizan.source.InputFiles.openXml(file);
        try {
            IatiXml.refuseNonXml(file, this.in, "IATI XML");
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
        try {
            this.xml = IatiXml.factory().createXMLStreamReader(in);
            String root = root();
            if (!"iati-activities".equals(root) && !"iati-activity".equals(root)) {
                throw new MappingException(file + ": the root element is <" + root
                        + ">, not <iati-activities>: not an IATI activity file.");
            }
            if ("iati-activity".equals(root)) {
                pendingRoot = true;
            }
        } catch (XMLStreamException e) {
            in.close();
            throw error(e);
        }
    }

    private boolean pendingRoot;

    private String root() throws XMLStreamException {
        while (xml.hasNext()) {
            int event = advance();
            if (event == XMLStreamConstants.DTD) {
                throw new MappingException(file + ": the file declares a DOCTYPE (it ends on line "
                        + xml.getLocation().getLineNumber() + ")."
                        + " IATI files have none, and Mizan reads no DTD or external entity (a safeguard against entity attacks);"
                        + " remove the DOCTYPE and its entities, or ask the publisher for the file as published.");
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                return xml.getLocalName();
            }
        }
        throw new MappingException(file + ": no XML element in the file.");
    }

    /** The next activity, or null at the end of the file. */
    public IatiActivity next() throws IOException {
        try {
            if (pendingRoot) {
                pendingRoot = false;
                activities++;
                return activity();
            }
            while (xml.hasNext()) {
                int event = advance();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    if ("iati-activity".equals(xml.getLocalName())) {
                        activities++;
                        return activity();
                    }
                    skip();
                }
            }
            return null;
        } catch (XMLStreamException e) {
            throw error(e);
        }
    }

    /** Activities returned so far. */
    public long activities() {
        return activities;
    }

    /** The line the parser is at: after the last activity returned. */
    public long line() {
        return xml.getLocation().getLineNumber();
    }

    private MappingException error(XMLStreamException e) {
        String where = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNumber() + ": ";
        String msg = e.getMessage() == null
                ? e.toString()
                : e.getMessage().replaceFirst("^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message:\\s*", "");
        if (msg.contains("entity") || msg.contains("DOCTYPE") || msg.contains("DTD")) {
            msg += " (Mizan reads no DTD or entity declaration in IATI files: remove them)";
        }
        return new MappingException(file + ": " + where + "not well-formed IATI XML: " + msg
                + (activities > 0 ? " (after " + activities + " activities; nothing of this file was loaded)" : ""));
    }

    private IatiActivity activity() throws XMLStreamException {
        IatiActivity a = new IatiActivity();
        a.line = xml.getLocation().getLineNumber();
        a.defaultCurrency = attr("default-currency");
        while (nextChild()) {
            switch (xml.getLocalName()) {
                case "iati-identifier" -> a.id = text();
                case "reporting-org" -> a.reportingOrg = org();
                case "title" -> a.title = narrative();
                case "activity-status" -> {
                    a.statusCode = attr("code");
                    skip();
                }
                case "activity-date" -> {
                    String type = attr("type");
                    String date = attr("iso-date");
                    if (type != null && date != null) {
                        a.dates.putIfAbsent(type, date);
                    }
                    skip();
                }
                case "recipient-country" -> {
                    a.countries.add(new IatiActivity.Recipient(attr("code"), null, attr("percentage")));
                    skip();
                }
                case "recipient-region" -> {
                    a.regions.add(new IatiActivity.Recipient(attr("code"), attr("vocabulary"), attr("percentage")));
                    skip();
                }
                case "sector" -> {
                    String vocabulary = attr("vocabulary");
                    String code = attr("code");
                    String pct = attr("percentage");
                    a.sectors.add(
                            new IatiActivity.Sector(vocabulary == null ? "1" : vocabulary, code, pct, narrative()));
                }
                case "location" -> location(a);
                case "transaction" -> a.transactions.add(transaction());
                default -> skip();
            }
        }
        return a;
    }

    private void location(IatiActivity a) throws XMLStreamException {
        while (nextChild()) {
            if ("administrative".equals(xml.getLocalName()) && attr("code") != null) {
                a.administrativeCodes.add(attr("code").strip());
            }
            skip();
        }
    }

    private IatiActivity.Transaction transaction() throws XMLStreamException {
        long line = xml.getLocation().getLineNumber();
        String ref = attr("ref");
        String type = null;
        String date = null;
        String value = null;
        String currency = null;
        String valueDate = null;
        IatiActivity.Org provider = null;
        IatiActivity.Org receiver = null;
        String sectorVocabulary = null;
        String sectorCode = null;
        String country = null;
        String region = null;
        while (nextChild()) {
            switch (xml.getLocalName()) {
                case "transaction-type" -> {
                    type = attr("code");
                    skip();
                }
                case "transaction-date" -> {
                    date = attr("iso-date");
                    skip();
                }
                case "value" -> {
                    currency = attr("currency");
                    valueDate = attr("value-date");
                    value = text();
                }
                case "provider-org" -> provider = org();
                case "receiver-org" -> receiver = org();
                case "sector" -> {
                    sectorVocabulary = attr("vocabulary") == null ? "1" : attr("vocabulary");
                    sectorCode = attr("code");
                    skip();
                }
                case "recipient-country" -> {
                    country = attr("code");
                    skip();
                }
                case "recipient-region" -> {
                    region = attr("code");
                    skip();
                }
                default -> skip();
            }
        }
        return new IatiActivity.Transaction(
                line,
                ref,
                blankToNull(type),
                blankToNull(date),
                blankToNull(value),
                blankToNull(currency),
                blankToNull(valueDate),
                provider,
                receiver,
                sectorVocabulary,
                blankToNull(sectorCode),
                blankToNull(country),
                blankToNull(region));
    }

    private IatiActivity.Org org() throws XMLStreamException {
        String ref = blankToNull(attr("ref"));
        String type = blankToNull(attr("type"));
        return new IatiActivity.Org(narrative(), ref, type);
    }

    /** The first {@code narrative} child's text (or the element's own text, as in IATI 1.x); consumes the element. */
    private String narrative() throws XMLStreamException {
        String found = null;
        StringBuilder own = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            int event = advance();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (found == null && depth == 1 && "narrative".equals(xml.getLocalName())) {
                    found = text();
                } else {
                    depth++;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (depth == 1 && isText(event) && own.length() < MAX_TEXT) {
                append(own);
            }
        }
        return found != null ? found : blankToNull(own.toString());
    }

    /** The element's own text, at most {@link #MAX_TEXT} characters kept; child elements are skipped. Consumes it. */
    private String text() throws XMLStreamException {
        StringBuilder b = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            int event = advance();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (depth == 1 && isText(event) && b.length() < MAX_TEXT) {
                append(b);
            }
        }
        return blankToNull(b.toString());
    }

    private void append(StringBuilder b) {
        int n = Math.min(xml.getTextLength(), MAX_TEXT - b.length());
        b.append(xml.getTextCharacters(), xml.getTextStart(), n);
    }

    private static boolean isText(int event) {
        return event == XMLStreamConstants.CHARACTERS
                || event == XMLStreamConstants.CDATA
                || event == XMLStreamConstants.SPACE;
    }

    /** Moves to the next child element of the current one; false at the current element's end. */
    private boolean nextChild() throws XMLStreamException {
        while (true) {
            int event = advance();
            if (event == XMLStreamConstants.START_ELEMENT) {
                return true;
            }
            if (event == XMLStreamConstants.END_ELEMENT) {
                return false;
            }
        }
    }

    /** Skips the current element and everything in it, keeping none of its text. */
    private void skip() throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = advance();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    /** The next event; an entity reference (anything but XML's five) is an error, never silently dropped. */
    private int advance() throws XMLStreamException {
        int event = xml.next();
        if (event == XMLStreamConstants.ENTITY_REFERENCE) {
            throw new XMLStreamException(
                    "the entity reference &" + xml.getLocalName() + "; is not declared (only XML's own are allowed)",
                    xml.getLocation());
        }
        return event;
    }

    private String attr(String name) {
        return xml.getAttributeValue(null, name);
    }

    private static String blankToNull(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    @Override
    public void close() throws IOException {
        try {
            xml.close();
        } catch (XMLStreamException e) {
            // closing only releases the parser's buffers
        } finally {
            in.close();
        }
    }
}
