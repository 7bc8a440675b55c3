package org.mizan.source.iati;

import static org.mizan.source.iati.XmlCursor.blankToNull;

import javax.xml.stream.XMLStreamException;

/**
 * Reads one {@code iati-activity} element, the cursor on its start, into an {@link IatiActivity}: the elements
 * Mizan uses (formats README §5), every other one skipped.
 */
final class ActivityElements {

    private final XmlCursor xml;

    ActivityElements(XmlCursor xml) {
        this.xml = xml;
    }

    /** The activity whose start element the cursor is on; consumes it. */
    IatiActivity activity() throws XMLStreamException {
        IatiActivity a = new IatiActivity();
        a.line = xml.line();
        a.defaultCurrency = xml.attr("default-currency");
        while (xml.nextChild()) {
            switch (xml.name()) {
                case "iati-identifier" -> a.id = xml.text();
                case "reporting-org" -> a.reportingOrg = org();
                case "title" -> a.title = xml.narrative();
                case "activity-status" -> a.statusCode = xml.attrAndSkip("code");
                case "activity-date" -> {
                    String type = xml.attr("type");
                    String date = xml.attr("iso-date");
                    if (type != null && date != null) {
                        a.dates.putIfAbsent(type, date);
                    }
                    xml.skip();
                }
                case "recipient-country" -> {
                    a.countries.add(new IatiActivity.Recipient(xml.attr("code"), null, xml.attr("percentage")));
                    xml.skip();
                }
                case "recipient-region" -> {
                    a.regions.add(new IatiActivity.Recipient(
                            xml.attr("code"), xml.attr("vocabulary"), xml.attr("percentage")));
                    xml.skip();
                }
                case "sector" -> {
                    String vocabulary = xml.attr("vocabulary");
                    String code = xml.attr("code");
                    String pct = xml.attr("percentage");
                    a.sectors.add(
                            new IatiActivity.Sector(vocabulary == null ? "1" : vocabulary, code, pct, xml.narrative()));
                }
                case "location" -> location(a);
                case "transaction" -> a.transactions.add(transaction());
                default -> xml.skip();
            }
        }
        return a;
    }

    private void location(IatiActivity a) throws XMLStreamException {
        while (xml.nextChild()) {
            if ("administrative".equals(xml.name()) && xml.attr("code") != null) {
                a.administrativeCodes.add(xml.attr("code").strip());
            }
            xml.skip();
        }
    }

    private IatiActivity.Transaction transaction() throws XMLStreamException {
        long line = xml.line();
        String ref = xml.attr("ref");
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
        while (xml.nextChild()) {
            switch (xml.name()) {
                case "transaction-type" -> type = xml.attrAndSkip("code");
                case "transaction-date" -> date = xml.attrAndSkip("iso-date");
                case "value" -> {
                    currency = xml.attr("currency");
                    valueDate = xml.attr("value-date");
                    value = xml.text();
                }
                case "provider-org" -> provider = org();
                case "receiver-org" -> receiver = org();
                case "sector" -> {
                    sectorVocabulary = xml.attr("vocabulary") == null ? "1" : xml.attr("vocabulary");
                    sectorCode = xml.attr("code");
                    xml.skip();
                }
                case "recipient-country" -> country = xml.attrAndSkip("code");
                case "recipient-region" -> region = xml.attrAndSkip("code");
                default -> xml.skip();
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
        String ref = blankToNull(xml.attr("ref"));
        String type = blankToNull(xml.attr("type"));
        return new IatiActivity.Org(xml.narrative(), ref, type);
    }
}
