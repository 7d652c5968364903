package org.energyweb.observe;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.energyweb.ledger.Ledger;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.Optional;

/**
 * The point of no loss: the ledger is open and accepting appends, its folder writable and its disk
 * not nearly full. Without it no reading is kept, so it counts for liveness and readiness alike.
 */
final class LedgerHealthCheck extends AbstractHealthCheck {

    private final Ledger ledger;
    private final long minFreeBytes;

    LedgerHealthCheck(Ledger ledger, long minFreeBytes) {
        super("energyweb", "ledger");
        this.ledger = ledger;
        this.minFreeBytes = minFreeBytes;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("data", ledger.dataDir().toString());
        Optional<String> problem = ledger.unhealthyReason();
        if (problem.isEmpty() && !Files.isWritable(ledger.dataDir())) {
            problem = Optional.of("the data folder " + ledger.dataDir() + " is not writable");
        }
        if (problem.isEmpty()) {
            try {
                long free = Files.getFileStore(ledger.dataDir()).getUsableSpace();
                builder.detail("free.bytes", free);
                if (free < minFreeBytes) {
                    problem = Optional.of(String.format("the disk holding the ledger has %d MB free, under the %d MB kept in reserve",
                            free >> 20, minFreeBytes >> 20));
                }
            } catch (IOException e) {
                problem = Optional.of("cannot read the free space of " + ledger.dataDir() + ": " + e.getMessage());
            }
        }
        if (problem.isPresent()) {
            builder.message(problem.get()).down();
        } else {
            builder.message("ledger open and writable, " + ledger.size() + " readings").up();
        }
    }
}
