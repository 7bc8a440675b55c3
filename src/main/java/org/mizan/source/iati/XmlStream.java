package org.mizan.source.iati;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.function.Function;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.mizan.source.InputFiles;
import org.mizan.source.MappingException;

/**
 * An XML file opened for a streaming read: its content (decompressed when gzip), refused when it is not XML at all,
 * and the safe parser over it ({@link IatiXml#factory()}). Closing closes both.
 */
record XmlStream(InputStream in, XMLStreamReader xml) implements Closeable {

    /**
     * @param expected what the file should be, for the refusal of one that is not XML ("IATI XML")
     * @param error    the error for a file whose start the parser cannot read
     */
    static XmlStream open(Path file, String expected, Function<XMLStreamException, MappingException> error)
            throws IOException {
        InputStream in = InputFiles.openXml(file);
        try {
            IatiXml.refuseNonXml(file, in, expected);
            return new XmlStream(in, IatiXml.factory().createXMLStreamReader(in));
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        } catch (XMLStreamException e) {
            in.close();
            throw error.apply(e);
        }
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
