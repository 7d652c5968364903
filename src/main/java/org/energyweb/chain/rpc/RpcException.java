package org.energyweb.chain.rpc;

import com.fasterxml.jackson.databind.JsonNode;

/** An error the node answered with (the node was reached; it refused or failed the call). */
public class RpcException extends RuntimeException {

    private final int code;
    private final String data;

    public RpcException(int code, String message, String data) {
        super(message);
        this.code = code;
        this.data = data;
    }

    static RpcException of(JsonNode error) {
        JsonNode data = error.path("data");
        return new RpcException(error.path("code").asInt(), error.path("message").asText("unknown error"),
                data.isTextual() ? data.asText() : null);
    }

    public int code() {
        return code;
    }

    /** Hex data attached to the error, such as ABI-encoded revert data; null when none. */
    public String data() {
        return data;
    }

    /** Whether the node said the message mentions {@code phrase} (node wordings differ in case). */
    public boolean says(String phrase) {
        return getMessage() != null && getMessage().toLowerCase().contains(phrase);
    }
}
