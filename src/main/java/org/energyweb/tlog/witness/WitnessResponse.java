package org.energyweb.tlog.witness;

/** A witness's answer to an add-checkpoint request: the HTTP status, content type and body c2sp.org/tlog-witness requires. */
public record WitnessResponse(int status, String contentType, String body) {

    /** "add-checkpoint": the 409 body is the latest cosigned size, in this media type. */
    public static final String SIZE_TYPE = "text/x.tlog.size";
    static final String TEXT = "text/plain; charset=utf-8";

    static WitnessResponse refused(int status, String reason) {
        return new WitnessResponse(status, TEXT, reason + "\n");
    }

    static WitnessResponse conflict(long cosignedSize) {
        return new WitnessResponse(409, SIZE_TYPE, cosignedSize + "\n");
    }
}
