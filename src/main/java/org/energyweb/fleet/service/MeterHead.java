package org.energyweb.fleet.service;

/** The last reading the service accepted for a meter: the next one must carry seq + 1 and this SHA-256 as prev. */
public record MeterHead(String meter, String gateway, long seq, String sha256) {
}
