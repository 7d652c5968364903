package org.energyweb.meter.eumel;

import org.energyweb.meter.http.FaultReporter;
import org.energyweb.reading.EnergyUnit;
import org.energyweb.reading.MeterFaultException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads SunSpec data-exchange XML as Eumel loggers serve it:
 * {@code <SunSpecData><d man mod sn t="...Z"><m id="211"><p id="TotWhImp">123.45</p>...}.
 * Values are exact decimals with their decimal point (the original stripped it), optionally scaled by
 * an {@code sf} attribute and in the unit of a {@code u} attribute (Wh when absent). Documents with
 * a DTD are refused outright, which rules out external entities (XXE) and entity expansion.
 */
final class SunSpecXml {

    private final FaultReporter faults;
    private final byte[] payload;

    SunSpecXml(FaultReporter faults, byte[] payload) {
        this.faults = faults;
        this.payload = payload;
    }

    /** The first device carrying TotWhImp, or the one with serial number {@code serialNumber} when given. */
    SunSpecReading read(String serialNumber) {
        Element root = parse().getDocumentElement();
        if (!"SunSpecData".equals(root.getTagName())) {
            throw fault("expected a <SunSpecData> document, found <" + root.getTagName() + ">");
        }
        NodeList devices = root.getElementsByTagName("d");
        for (int i = 0; i < devices.getLength(); i++) {
            Element device = (Element) devices.item(i);
            boolean wanted = serialNumber == null || serialNumber.isBlank() ? point(device, "TotWhImp") != null : serialNumber.equals(device.getAttribute("sn"));
            if (wanted) {
                return reading(device);
            }
        }
        throw fault(serialNumber == null || serialNumber.isBlank() ? "missing point TotWhImp: no device reports an import register"
                : "no device with serial number '" + serialNumber + "' in the document");
    }

    private SunSpecReading reading(Element device) {
        String sn = device.getAttribute("sn");
        Element imported = point(device, "TotWhImp");
        if (imported == null) {
            throw fault("missing point TotWhImp of device " + sn);
        }
        Element exported = point(device, "TotWhExp");
        Element power = point(device, "W");
        return new SunSpecReading(device.getAttribute("man"), device.getAttribute("mod"), sn, time(device),
                energy(imported), exported == null ? null : energy(exported), power == null ? null : value(power));
    }

    private Document parse() {
        try {
            return builder().parse(new ByteArrayInputStream(payload));
        } catch (SAXException | IOException e) {
            throw faults.fault("malformed XML: " + e.getMessage(), payload, e);
        }
    }

    private static DocumentBuilder builder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            // The default handler also prints parse errors to stderr; here they only become faults.
            builder.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                }

                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser cannot be configured safely", e);
        }
    }

    private Instant time(Element device) {
        String text = device.getAttribute("t");
        if (text.isEmpty()) {
            throw fault("missing attribute t (measurement time) of device " + device.getAttribute("sn"));
        }
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw fault("time t='" + text + "' is not UTC with an offset (e.g. 2019-05-01T12:00:00Z); refused rather than guessed");
        }
    }

    /** The first point with this id in any model of the device. */
    private static Element point(Element device, String id) {
        NodeList points = device.getElementsByTagName("p");
        for (int i = 0; i < points.getLength(); i++) {
            Element point = (Element) points.item(i);
            if (id.equals(point.getAttribute("id"))) {
                return point;
            }
        }
        return null;
    }

    private BigDecimal energy(Element point) {
        BigDecimal value = value(point);
        String id = point.getAttribute("id");
        if (value.signum() < 0) {
            throw fault("negative energy " + value.toPlainString() + " in point " + id);
        }
        String unit = point.getAttribute("u");
        try {
            return unit.isEmpty() ? value : EnergyUnit.parse(unit).toWattHours(value);
        } catch (IllegalArgumentException e) {
            throw fault(e.getMessage() + " in point " + id);
        }
    }

    private BigDecimal value(Element point) {
        String id = point.getAttribute("id");
        String text = point.getTextContent().trim();
        if (text.equalsIgnoreCase("NaN")) {
            throw fault("point " + id + " is not a number: " + text);
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw fault("point " + id + " is not a decimal number: '" + text + "'");
        }
        String scale = point.getAttribute("sf");
        if (scale.isEmpty()) {
            return value;
        }
        try {
            return value.scaleByPowerOfTen(Integer.parseInt(scale.trim()));
        } catch (NumberFormatException e) {
            throw fault("scale factor sf='" + scale + "' of point " + id + " is not an integer");
        }
    }

    private MeterFaultException fault(String reason) {
        return faults.fault(reason, payload);
    }
}
