package org.mizan.source.iati;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The steps an IATI reader walks a StAX parser with: to the next child element, over an element (keeping none of its
 * text), an element's text or narrative (at most {@link #MAX_TEXT} characters kept). An entity reference other than
 * XML's own is an error, never silently dropped.
 */
final class XmlCursor {

    /** Longest text kept from a title or name; the rest is dropped (a title is not a document). */
    static final int MAX_TEXT = 4000;

    private final XMLStreamReader xml;

    XmlCursor(XMLStreamReader xml) {
        this.xml = xml;
    }

    /** The next event; an entity reference (anything but XML's five) is an error, never silently dropped. */
    int advance() throws XMLStreamException {
        int event = xml.next();
        if (event == XMLStreamConstants.ENTITY_REFERENCE) {
            throw new XMLStreamException(
                    "the entity reference &" + xml.getLocalName() + "; is not declared (only XML's own are allowed)",
                    xml.getLocation());
        }
        return event;
    }

    boolean hasNext() throws XMLStreamException {
        return xml.hasNext();
    }

    /** The current element's local name. */
    String name() {
        return xml.getLocalName();
    }

    /** The line the parser is at. */
    long line() {
        return xml.getLocation().getLineNumber();
    }

    /** The current element's attribute of that name (no namespace), or null. */
    String attr(String name) {
        return xml.getAttributeValue(null, name);
    }

    /** The current element's attribute of that name, skipping the element (its children and text are not read). */
    String attrAndSkip(String name) throws XMLStreamException {
        String v = attr(name);
        skip();
        return v;
    }

    /** Moves to the next child element of the current one; false at the current element's end. */
    boolean nextChild() throws XMLStreamException {
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
    void skip() throws XMLStreamException {
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

    /** The element's own text, at most {@link #MAX_TEXT} characters kept; child elements are skipped. Consumes it. */
    String text() throws XMLStreamException {
        return ownText(null);
    }

    /** The first {@code narrative} child's text (or the element's own text, as in IATI 1.x); consumes the element. */
    String narrative() throws XMLStreamException {
        return ownText("narrative");
    }

    /**
     * The first child element named {@code child}'s text when there is one, else the element's own text; other
     * children are skipped. Consumes the element.
     */
    private String ownText(String child) throws XMLStreamException {
        String found = null;
        StringBuilder own = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            int event = advance();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (child != null && found == null && depth == 1 && child.equals(xml.getLocalName())) {
                    found = text();
                } else {
                    depth++;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (depth == 1 && isText(event) && own.length() < MAX_TEXT) {
                int n = Math.min(xml.getTextLength(), MAX_TEXT - own.length());
                own.append(xml.getTextCharacters(), xml.getTextStart(), n);
            }
        }
        return found != null ? found : blankToNull(own.toString());
    }

    private static boolean isText(int event) {
        return event == XMLStreamConstants.CHARACTERS
                || event == XMLStreamConstants.CDATA
                || event == XMLStreamConstants.SPACE;
    }

    /** The text stripped; null when it is null or blank. */
    static String blankToNull(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }
}
