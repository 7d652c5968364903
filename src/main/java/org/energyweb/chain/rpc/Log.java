package org.energyweb.chain.rpc;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** One event log as the node returns it. {@code removed} marks a log undone by a reorganisation. */
public record Log(String address, List<String> topics, String data, long blockNumber, String blockHash,
                  String transactionHash, long logIndex, boolean removed) {

    public static Log of(JsonNode log) {
        List<String> topics = new ArrayList<>();
        log.path("topics").forEach(topic -> topics.add(topic.asText()));
        return new Log(log.path("address").asText(), List.copyOf(topics), log.path("data").asText(),
                Eth.quantity(log.get("blockNumber")).longValueExact(), log.path("blockHash").asText(),
                log.path("transactionHash").asText(), Eth.quantity(log.get("logIndex")).longValueExact(),
                log.path("removed").asBoolean(false));
    }
}
