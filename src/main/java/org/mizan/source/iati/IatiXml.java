package org.mizan.source.iati;

import javax.xml.stream.XMLInputFactory;

/**
 * The StAX factory every IATI and code-list read goes through: the JDK's own parser, DTDs and external entities
 * off, so a file can neither make Mizan fetch a URL or read a local file nor expand entities without bound.
 */
public final class IatiXml {

    private IatiXml() {
    }

    public static XMLInputFactory factory() {
        // newDefaultFactory: the JDK's parser, whatever else the class path registers (the Hadoop jars shade one)
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        return f;
    }
}
