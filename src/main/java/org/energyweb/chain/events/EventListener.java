package org.energyweb.chain.events;

import org.energyweb.chain.rpc.Block;
import org.energyweb.chain.rpc.Eth;
import org.energyweb.chain.rpc.Log;
import org.energyweb.ledger.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Delivers one contract event, block by block, once blocks are deep enough, and remembers in the
 * ledger's settings the last block it delivered (number and hash). A restart carries on after that
 * block. When that block's hash is no longer the chain's (a reorganisation deeper than the
 * confirmation depth), it rewinds and delivers the new chain's events: delivery is at least once,
 * and each event is identified by its transaction hash and log index.
 */
public final class EventListener {

    private static final Logger LOG = LoggerFactory.getLogger(EventListener.class);

    /**
     * @param confirmations blocks (its own included) a block needs before its events are delivered
     * @param fromBlock     the first block to read when there is no checkpoint yet
     * @param maxBlockRange most blocks asked for in one {@code eth_getLogs}
     * @param reorgRewind   blocks re-read when the checkpoint block was reorganised away
     */
    public record Options(int confirmations, long fromBlock, int maxBlockRange, int reorgRewind) {

        public static final Options DEFAULT = new Options(1, 0, 2_000, 64);

        public Options {
            if (confirmations < 1 || maxBlockRange < 1 || reorgRewind < 1 || fromBlock < 0) {
                throw new IllegalArgumentException("confirmations, maxBlockRange and reorgRewind must be positive, fromBlock not negative");
            }
        }
    }

    /** One delivered event: its decoded values by parameter name and the log it came from. */
    public record ContractEvent(AbiEvent event, Map<String, Object> values, Log log) {
    }

    /** Receives events in chain order; an exception stops the round before the checkpoint moves past the event. */
    public interface Handler {
        void on(ContractEvent event) throws Exception;
    }

    private record Checkpoint(long number, String hash) {

        static Optional<Checkpoint> parse(String value) {
            int colon = value.indexOf(':');
            return colon < 0 ? Optional.empty() : Optional.of(new Checkpoint(Long.parseLong(value.substring(0, colon)), value.substring(colon + 1)));
        }

        String format() {
            return number + ":" + hash;
        }
    }

    private final Eth eth;
    private final String contract;
    private final AbiEvent event;
    private final Settings settings;
    private final String checkpointName;
    private final Options options;

    /** @param name identifies this listener's checkpoint; two listeners must not share one */
    public EventListener(Eth eth, String contract, AbiEvent event, Settings settings, String name, Options options) {
        this.eth = eth;
        this.contract = contract;
        this.event = event;
        this.settings = settings;
        this.checkpointName = "events." + name + ".checkpoint";
        this.options = options;
    }

    /** Delivers every confirmed event after the checkpoint; returns how many were delivered. */
    public int poll(Handler handler) throws Exception {
        long head = eth.blockNumber();
        long deepEnough = head - (options.confirmations() - 1);
        Checkpoint checkpoint = canonicalCheckpoint();
        long after = checkpoint == null ? options.fromBlock() - 1 : checkpoint.number();
        int delivered = 0;
        while (after < deepEnough) {
            long to = Math.min(deepEnough, after + options.maxBlockRange());
            List<Log> logs = eth.logs(contract, List.of(event.topic()), after + 1, to);
            for (Log log : logs) {
                if (!log.removed() && event.matches(log)) {
                    handler.on(new ContractEvent(event, event.decode(log), log));
                    delivered++;
                }
            }
            Block last = eth.block(to).orElseThrow(() -> new IllegalStateException("block " + to + " vanished while reading events"));
            // join, not an interruptible wait: a consumer stopping mid-poll still records what it delivered.
            settings.put(checkpointName, new Checkpoint(to, last.hash()).format()).join();
            after = to;
        }
        return delivered;
    }

    /** The stored checkpoint if its block is still the chain's; otherwise a rewound one (null: start over). */
    private Checkpoint canonicalCheckpoint() {
        Optional<Checkpoint> stored = settings.get(checkpointName).flatMap(Checkpoint::parse);
        if (stored.isEmpty()) {
            return null;
        }
        Checkpoint checkpoint = stored.get();
        Optional<Block> block = eth.block(checkpoint.number());
        if (block.isPresent() && block.get().hash().equalsIgnoreCase(checkpoint.hash())) {
            return checkpoint;
        }
        long rewound = Math.max(options.fromBlock() - 1, checkpoint.number() - options.reorgRewind());
        LOG.warn("block {} of listener {} is no longer on the chain (reorganisation); events after block {} are read again",
                checkpoint.number(), checkpointName, rewound);
        if (rewound < 0) {
            return null;
        }
        Optional<Block> base = eth.block(rewound);
        return base.map(b -> new Checkpoint(b.number(), b.hash())).orElse(null);
    }
}
