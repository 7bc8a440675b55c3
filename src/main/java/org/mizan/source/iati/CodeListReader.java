package org.mizan.source.iati;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.mizan.source.MappingException;

/**
 * Streams the items of an IATI code list file ({@code <codelist name="Sector">…<codelist-item>}): code, English
 * name (the narrative without {@code xml:lang}, else the first), category and status.
 */
public final class CodeListReader implements Closeable {

    /** One code of the list, with the line its item began on. */
    public record Item(long line, String code, String name, String category, String status) {}

    private final Path file;
    private final XmlStream stream;
    private final XMLStreamReader xml;
    private final String listName;

    public CodeListReader(Path file) throws IOException {
        this.file = file;
        this.stream = XmlStream.open(file, "an IATI code list (XML)", this::notWellFormed);
        this.xml = stream.xml();
        try {
            String root = null;
            while (root == null && xml.hasNext()) {
                int e = xml.next();
                if (e == XMLStreamConstants.DTD) {
                    throw new MappingException(
                            file + ": the file declares a DOCTYPE; Mizan reads no DTD in code lists. Remove it.");
                }
                if (e == XMLStreamConstants.START_ELEMENT) {
                    root = xml.getLocalName();
                }
            }
            if (!"codelist".equals(root)) {
                throw new MappingException(
                        file + ": the root element is <" + root + ">, not <codelist>: not an IATI code list.");
            }
            this.listName = xml.getAttributeValue(null, "name");
            if (listName == null || listName.isBlank()) {
                throw new MappingException(
                        file + ": <codelist> has no name attribute (Sector, Currency, TransactionType, ...).");
            }
        } catch (XMLStreamException e) {
            stream.close();
            throw notWellFormed(e);
        } catch (RuntimeException e) {
            stream.close();
            throw e;
        }
    }

    private MappingException notWellFormed(XMLStreamException e) {
        return new MappingException(file + ": not well-formed XML: " + e.getMessage());
    }

    public String listName() {
        return listName;
    }

    /** The next item, or null at the end. */
    public Item next() throws IOException {
        try {
            while (xml.hasNext()) {
                int e = xml.next();
                if (e == XMLStreamConstants.START_ELEMENT && "codelist-item".equals(xml.getLocalName())) {
                    return item();
                }
            }
            return null;
        } catch (XMLStreamException e) {
            throw notWellFormed(e);
        }
    }

    private Item item() throws XMLStreamException {
        long line = xml.getLocation().getLineNumber();
        String status = xml.getAttributeValue(null, "status");
        String code = null;
        String name = null;
        String category = null;
        int depth = 1;
        String parent = null;
        while (depth > 0) {
            int e = xml.next();
            if (e == XMLStreamConstants.START_ELEMENT) {
                depth++;
                String local = xml.getLocalName();
                if (depth == 2) {
                    parent = local;
                    if ("code".equals(local)) {
                        code = xml.getElementText().strip();
                        depth--;
                    } else if ("category".equals(local) && xml.getAttributeCount() == 0) {
                        category = xml.getElementText().strip();
                        depth--;
                    }
                } else if (depth == 3 && "name".equals(parent) && "narrative".equals(local)) {
                    boolean english = xml.getAttributeValue(javax.xml.XMLConstants.XML_NS_URI, "lang") == null;
                    String text = xml.getElementText().strip();
                    depth--;
                    if (name == null || english && !englishFound) {
                        name = text;
                        englishFound = english;
                    }
                }
            } else if (e == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        englishFound = false;
        return new Item(line, code, name, category, status == null ? "active" : status);
    }

    private boolean englishFound;

    @Override
    public void close() throws IOException {
        stream.close();
    }
}
