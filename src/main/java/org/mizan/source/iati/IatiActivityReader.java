package org.mizan.source.iati;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import org.mizan.source.MappingException;

/**
 * Streams the {@code iati-activity} elements of an IATI activity file (standard 2.0x), one at a time: memory
 * holds one activity, whatever the file's size. Elements Mizan does not use are skipped (their text is never
 * kept); namespaced attributes (d-portal's {@code dstore:*}) are ignored. A DOCTYPE is refused: IATI files have
 * none, and a DTD is how entity attacks come in.
 */
public final class IatiActivityReader implements Closeable {

    private final Path file;
    private final XmlStream stream;
    private final XmlCursor xml;
    private final ActivityElements elements;
    /** The root element is the one activity of the file: the first {@link #next()} reads it. */
    private boolean pendingRoot;

    private long activities;

    public IatiActivityReader(Path file) throws IOException {
        this.file = file;
        this.stream = XmlStream.open(file, "IATI XML", this::error);
        this.xml = new XmlCursor(stream.xml());
        this.elements = new ActivityElements(xml);
        try {
            String root = root();
            if (!"iati-activities".equals(root) && !"iati-activity".equals(root)) {
                throw new MappingException(file + ": the root element is <" + root
                        + ">, not <iati-activities>: not an IATI activity file.");
            }
            pendingRoot = "iati-activity".equals(root);
        } catch (XMLStreamException e) {
            stream.close();
            throw error(e);
        } catch (RuntimeException e) {
            stream.close();
            throw e;
        }
    }

    private String root() throws XMLStreamException {
        while (xml.hasNext()) {
            int event = xml.advance();
            if (event == XMLStreamConstants.DTD) {
                throw new MappingException(file + ": the file declares a DOCTYPE (it ends on line "
                        + xml.line() + ")."
                        + " IATI files have none, and Mizan reads no DTD or external entity (a safeguard against entity attacks);"
                        + " remove the DOCTYPE and its entities, or ask the publisher for the file as published.");
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                return xml.name();
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
                return elements.activity();
            }
            while (xml.hasNext()) {
                int event = xml.advance();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    if ("iati-activity".equals(xml.name())) {
                        activities++;
                        return elements.activity();
                    }
                    xml.skip();
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
        return xml.line();
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

    @Override
    public void close() throws IOException {
        stream.close();
    }
}
