package org.energyweb.ledger;

import java.time.Instant;

/**
 * Where one reading stands on one later hop (for example {@code ipfs} or {@code chain}).
 *
 * @param state  a hop-defined state such as {@code stored}, {@code sent}, {@code confirmed}, {@code dead}
 * @param detail what the hop needs to resume or explain: a CID, a nonce and tx hash, a reason
 */
public record HopState(String hop, long position, String state, String detail, Instant updatedAt) {
}
