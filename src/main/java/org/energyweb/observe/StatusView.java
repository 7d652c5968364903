package org.energyweb.observe;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.energyweb.ledger.DeadLetter;
import org.energyweb.ledger.Ledger;
import org.energyweb.ledger.LedgerStatus;
import org.energyweb.reading.ChainHead;

import java.util.Map;

/**
 * What the status page polls, as JSON: the ledger's status (the same figures as {@code status --json}),
 * each meter's register and whether its newest reading is a down one, and the latest dead letters with
 * their reasons. Payloads of dead letters are left out: they are the meter's raw data, not needed to
 * see what went wrong.
 */
final class StatusView {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int LATEST_DEAD_LETTERS = 10;

    private final Ledger ledger;

    StatusView(Ledger ledger) {
        this.ledger = ledger;
    }

    String json() {
        LedgerStatus status = LedgerStatus.read(ledger.dataDir());
        ObjectNode root = JSON.createObjectNode().put("time", status.time().toString()).put("readings", status.total().readings());
        ObjectNode hops = root.putObject("hops");
        status.total().hops().forEach((hop, states) -> {
            ObjectNode node = hops.putObject(hop);
            states.forEach(node.putObject("states")::put);
            node.put("backlog", states.getOrDefault(LedgerStatus.PENDING, 0L));
            LedgerStatus.OldestPending oldest = status.oldestPending().get(hop);
            node.put("oldestPendingSeconds", oldest == null ? 0 : oldest.age(status.time()).toMillis() / 1000.0);
        });
        Map<String, ChainHead> heads = ledger.heads();
        ObjectNode meters = root.putObject("meters");
        status.meters().forEach((meter, counts) -> {
            ObjectNode node = meters.putObject(meter).put("readings", counts.readings());
            ChainHead head = heads.get(meter);
            if (head != null) {
                node.put("energyWh", head.energyWh()).put("seq", head.seq());
                ledger.find(meter, head.seq()).ifPresent(entry -> node.put("down", entry.document().reading().down()));
            }
        });
        root.put("deadLetters", status.deadLetters());
        ArrayNode latest = root.putArray("latestDeadLetters");
        for (DeadLetter letter : ledger.deadLetters().list(LATEST_DEAD_LETTERS)) {
            latest.addObject().put("time", letter.recordedAt().toString()).put("meter", letter.meter()).put("source", letter.source())
                    .put("reason", letter.reason());
        }
        if (status.lastAnchoredBlock() == null) {
            root.putNull("lastAnchoredBlock");
        } else {
            root.put("lastAnchoredBlock", status.lastAnchoredBlock());
        }
        return root.toString();
    }
}
