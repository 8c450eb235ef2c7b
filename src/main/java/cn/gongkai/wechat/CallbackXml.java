package cn.gongkai.wechat;

import cn.gongkai.publish.CallbackReader;
import java.io.StringReader;
import java.util.Locale;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The shape every callback body must have before WxJava's parser sees it: well-formed XML of at most 64 KB, no DOCTYPE
 * or entity (no XXE, no entity expansion) and nesting no deeper than WeChat's own messages (XStream recurses per
 * level, so a deep document would end in a StackOverflowError).
 */
final class CallbackXml {
    static final int MAX_CHARS = 64 * 1024;
    static final int MAX_DEPTH = 8;

    private CallbackXml() {
    }

    /** @throws CallbackReader.Malformed naming what is wrong, never the content */
    static void check(String account, String xml) {
        if (xml == null || xml.isBlank()) {
            throw new CallbackReader.Malformed(account, "empty body");
        }
        if (xml.length() > MAX_CHARS) {
            throw new CallbackReader.Malformed(account, "body larger than " + MAX_CHARS + " characters");
        }
        String upper = xml.toUpperCase(Locale.ROOT);
        if (upper.contains("<!DOCTYPE") || upper.contains("<!ENTITY")) {
            throw new CallbackReader.Malformed(account, "XML with a DOCTYPE or entity declaration");
        }
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        try {
            XMLStreamReader r = factory.createXMLStreamReader(new StringReader(xml));
            int depth = 0;
            try {
                while (r.hasNext()) {
                    switch (r.next()) {
                        case XMLStreamConstants.START_ELEMENT -> {
                            if (++depth > MAX_DEPTH) {
                                throw new CallbackReader.Malformed(account, "XML nested deeper than " + MAX_DEPTH
                                        + " levels");
                            }
                        }
                        case XMLStreamConstants.END_ELEMENT -> depth--;
                        case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE,
                             XMLStreamConstants.ENTITY_DECLARATION ->
                                throw new CallbackReader.Malformed(account, "XML with a DOCTYPE or entity");
                        default -> {
                        }
                    }
                }
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            throw new CallbackReader.Malformed(account, "body is not well-formed XML (line "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNumber()) + ")");
        }
    }
}
