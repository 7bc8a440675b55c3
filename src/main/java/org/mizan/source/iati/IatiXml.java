package org.mizan.source.iati;

import javax.xml.stream.XMLInputFactory;

/**
 * The StAX factory every IATI and code-list read goes through: the JDK's own parser, DTDs and external entities
 * off, so a file can neither make Mizan fetch a URL or read a local file nor expand entities without bound.
 */
public final class IatiXml {

    private IatiXml() {}

    public static XMLInputFactory factory() {
        // newDefaultFactory: the JDK's parser, whatever else the class path registers (the Hadoop jars shade one)
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        return f;
    }

    /**
     * Refuses a file that is not XML at all as what it is ("a JSON document, not IATI XML"), before a parser reports
     * a prolog error that would say nothing to a steward.
     */
    public static void refuseNonXml(java.nio.file.Path file, java.io.InputStream in, String expected)
            throws java.io.IOException {
        // the stream is the file's content as the reader will parse it (decompressed when gzip): peek, then rewind
        in.mark(4096);
        byte[] head = in.readNBytes(4096);
        in.reset();
        String s = new String(head, java.nio.charset.StandardCharsets.UTF_8)
                .replace("\uFEFF", "")
                .stripLeading();
        if (s.isEmpty()) {
            throw new org.mizan.source.MappingException(
                    file + ": the file is empty, not " + expected + ". Ask the source to deliver it again.");
        }
        char c = s.charAt(0);
        if (c == '{' || c == '[') {
            throw new org.mizan.source.MappingException(
                    file + ": a JSON document, not " + expected + ". Ask the publisher for the"
                            + " IATI XML export (the IATI Registry and d-portal publish every activity file as XML).");
        }
        if (c != '<') {
            String start = s.lines().findFirst().orElse("");
            throw new org.mizan.source.MappingException(
                    file + ": not XML (it starts with '" + (start.length() > 30 ? start.substring(0, 30) + "…" : start)
                            + "'), so not " + expected + ". Check that this is the right file.");
        }
    }
}
