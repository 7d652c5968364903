package org.energyweb.migrate;

import java.time.Instant;

/**
 * One storage file of ew-link-bond.
 *
 * @param name         the file name ({@code %Y-%m-%d-%H:%M:%S.json}, the gateway's local time when it was written)
 * @param time         that time as UTC, read in the zone the old gateway ran in
 * @param value        the meter reading the file holds ({@code value}), in Wh as the original sent it on chain
 * @param meterDown    {@code is_meter_down}
 * @param previousHash {@code previous_hash} as written
 * @param hash         this file's own hash, what the old gateway sent on chain with the next reading
 */
public record BondRecord(String name, Instant time, long value, boolean meterDown, String previousHash, String hash) {
}
