package org.energyweb.meter.eumel;

/** Eumel firmware generations differ only in where the SunSpec XML is served. */
public enum EumelVersion {
    V1("1", "rest"),
    V2_1_1("2.1.1", "wizard/public/api/rest");

    private final String label;
    private final String path;

    EumelVersion(String label, String path) {
        this.label = label;
        this.path = path;
    }

    public String path() {
        return path;
    }

    /** Accepts {@code 1}, {@code v1}, {@code 2.1.1} or {@code v2.1.1}. */
    public static EumelVersion parse(String text) {
        String bare = text == null ? "" : text.trim().replaceFirst("^[vV]", "");
        for (EumelVersion version : values()) {
            if (version.label.equals(bare)) {
                return version;
            }
        }
        throw new IllegalArgumentException("Eumel version must be 1 or 2.1.1, not '" + text + "'");
    }
}
