package org.energyweb.fleet.service;

/**
 * A reading as the anchor service receives it from a gateway: the record's value and the identity
 * the gateway claims in its key and headers (any of them may be missing or wrong), and where it was read.
 */
public record InboundReading(String topic, int partition, long offset, String key, String gateway, String meter, String seq,
                             String sha256, byte[] document) {
}
