package org.energyweb.chain.rpc;

import com.fasterxml.jackson.databind.JsonNode;

/** The answer to one call of a batch: a result, or the node's error. */
public record RpcReply(JsonNode result, RpcException error) {

    static RpcReply ok(JsonNode result) {
        return new RpcReply(result, null);
    }

    static RpcReply failed(RpcException error) {
        return new RpcReply(null, error);
    }

    public boolean isError() {
        return error != null;
    }

    public JsonNode resultOrThrow() {
        if (error != null) {
            throw error;
        }
        return result;
    }
}
