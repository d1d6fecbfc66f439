package dev.evidentry.endpoint;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Apple's XML property lists (a configuration profile's payloads) read with the JDK's XML parser: {@code dict} →
 * {@link Map}, {@code array} → {@link List}, {@code string} → {@link String}, {@code integer} → {@link Long},
 * {@code real} → {@link Double}, {@code true}/{@code false} → {@link Boolean}, {@code date} → {@link Instant},
 * {@code data} → {@code byte[]}. No external DTD or entity is ever fetched.
 */
final class Plist {

    /** A document that is not a property list. */
    static final class MalformedPlistException extends Exception {
        MalformedPlistException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private Plist() {}

    /** The root object of a {@code <plist>} document. */
    static Object parse(String xml) throws MalformedPlistException {
        Element root;
        try {
            root = builder().parse(new InputSource(new StringReader(xml))).getDocumentElement();
        } catch (SAXException | IOException e) {
            throw new MalformedPlistException("not XML: " + e.getMessage(), e);
        }
        if (!"plist".equals(root.getTagName())) {
            throw new MalformedPlistException("the root element is <" + root.getTagName() + ">, not <plist>", null);
        }
        List<Element> children = elements(root);
        if (children.size() != 1) {
            throw new MalformedPlistException("<plist> holds " + children.size() + " objects, not one", null);
        }
        return value(children.get(0));
    }

    private static DocumentBuilder builder() throws MalformedPlistException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            // Profiles name Apple's DTD; it is neither fetched nor needed, and no entity may reach outside.
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setExpandEntityReferences(false);
            factory.setXIncludeAware(false);
            factory.setIgnoringComments(true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            // Errors are thrown, never printed: the default handler would write them to stderr.
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler());
            return builder;
        } catch (ParserConfigurationException e) {
            throw new MalformedPlistException("the XML parser cannot be configured safely: " + e.getMessage(), e);
        }
    }

    private static Object value(Element element) throws MalformedPlistException {
        String text = element.getTextContent().strip();
        try {
            return switch (element.getTagName()) {
                case "dict" -> dict(element);
                case "array" -> {
                    List<Object> items = new ArrayList<>();
                    for (Element item : elements(element)) {
                        items.add(value(item));
                    }
                    yield items;
                }
                case "string" -> element.getTextContent();
                case "integer" -> Long.parseLong(text);
                case "real" -> Double.parseDouble(text);
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                case "date" -> Instant.parse(text);
                case "data" -> Base64.getMimeDecoder().decode(text);
                default -> throw new MalformedPlistException("unknown element <" + element.getTagName() + ">", null);
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new MalformedPlistException("<" + element.getTagName() + "> holds \"" + text + "\"", e);
        }
    }

    private static Map<String, Object> dict(Element element) throws MalformedPlistException {
        List<Element> children = elements(element);
        if (children.size() % 2 != 0) {
            throw new MalformedPlistException("a <dict> has a key without a value", null);
        }
        Map<String, Object> dict = new LinkedHashMap<>();
        for (int i = 0; i < children.size(); i += 2) {
            Element key = children.get(i);
            if (!"key".equals(key.getTagName())) {
                throw new MalformedPlistException("a <dict> has <" + key.getTagName() + "> where a <key> belongs",
                        null);
            }
            dict.put(key.getTextContent(), value(children.get(i + 1)));
        }
        return dict;
    }

    private static List<Element> elements(Element parent) {
        List<Element> elements = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                elements.add(element);
            }
        }
        return elements;
    }
}
