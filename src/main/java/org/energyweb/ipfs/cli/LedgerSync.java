package org.energyweb.ipfs.cli;

import org.energyweb.ipfs.cid.Cid;
import org.energyweb.ipfs.cid.UnixFs;
import org.energyweb.ipfs.cid.UnixFsOptions;
import org.energyweb.ipfs.store.IpfsHop;
import org.energyweb.ipfs.store.IpfsSync;
import org.energyweb.ipfs.store.StoreResult;
import org.energyweb.ledger.Ledger;
import org.energyweb.ledger.LedgerEntry;

import java.util.List;
import java.util.Optional;

/** Drains the ledger's IPFS outbox in ledger order, stopping at the first reading the node does not take. */
final class LedgerSync {

    private static final int PAGE = 500;

    private final Ledger ledger;
    private final IpfsSync sync;
    private int stored;
    private String stoppedBy;

    LedgerSync(Ledger ledger, IpfsSync sync) {
        this.ledger = ledger;
        this.sync = sync;
    }

    void run() {
        long after = 0;
        while (true) {
            List<LedgerEntry> pending = ledger.hops().pending(IpfsHop.NAME, List.of(IpfsHop.STORED), after, PAGE);
            if (pending.isEmpty()) {
                return;
            }
            for (LedgerEntry entry : pending) {
                byte[] document = entry.document().bytes();
                Cid expected = UnixFs.cidOf(document, UnixFsOptions.forCidVersion(1));
                StoreResult result = sync.push(document, expected);
                if (result instanceof StoreResult.Failed failed) {
                    stoppedBy = failed.error().getMessage();
                    return;
                }
                if (!(result instanceof StoreResult.Stored storedResult)) {
                    stoppedBy = "the node did not take " + expected;
                    return;
                }
                ledger.hops().recordAndWait(entry.position(), IpfsHop.NAME, IpfsHop.STORED, storedResult.cid().toString());
                stored++;
                after = entry.position();
            }
        }
    }

    int stored() {
        return stored;
    }

    long remaining() {
        return ledger.hops().countPending(IpfsHop.NAME, List.of(IpfsHop.STORED));
    }

    Optional<String> stoppedBy() {
        return Optional.ofNullable(stoppedBy);
    }
}
