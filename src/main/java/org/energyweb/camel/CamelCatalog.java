package org.energyweb.camel;

/** What the Camel catalogue says of every Energyweb component. */
public final class CamelCatalog {

    /** The release that introduced the components (the catalogue's firstVersion). */
    public static final String FIRST_VERSION = "0.1.0";

    private CamelCatalog() {
    }
}
