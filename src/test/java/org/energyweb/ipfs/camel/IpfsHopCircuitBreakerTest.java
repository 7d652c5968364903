package org.energyweb.ipfs.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.energyweb.camel.KameletTestSupport;
import org.energyweb.ipfs.IpfsPeer;
import org.energyweb.ipfs.cid.Cid;
import org.energyweb.ipfs.store.IpfsHop;
import org.energyweb.ledger.HopState;
import org.energyweb.ledger.Ledger;
import org.energyweb.ledger.LedgerEntry;
import org.energyweb.ledger.camel.LedgerComponent;
import org.energyweb.ledger.camel.LedgerConstants;
import org.energyweb.reading.Measurement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The IPFS hop of the outbox, through the ipfs-store-action kamelet, while a real js-ipfs node goes away and returns. */
class IpfsHopCircuitBreakerTest extends KameletTestSupport {

    private static final Instant T0 = Instant.parse("2026-11-24T12:00:00Z");

    @RegisterExtension
    static final IpfsPeer IPFS = new IpfsPeer();

    @TempDir
    Path data;

    private final List<String> failures = new CopyOnWriteArrayList<>();

    @Override
    public boolean isUseRouteBuilder() {
        return false;
    }

    @Test
    void whileTheNodeIsAwayStoresFailFastWithTheCircuitOpenAndTheOutboxDrainsWhenItReturns() throws Exception {
        context.getManagementStrategy().addEventNotifier(new EventNotifierSupport() {
            @Override
            public void notify(CamelEvent event) {
                if (event instanceof CamelEvent.ExchangeFailedEvent failed) {
                    failures.add(failed.getExchange().getException().getMessage());
                }
            }
        });
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // As in the gateway's routes: the outbox reports its failures itself, not once per try.
                errorHandler(noErrorHandler());
                from("ledger:outbox?hop=ipfs&finalStates=stored&dataDir=" + data + "&delay=20&retryDelay=20&maxRetryDelay=100")
                        .to("kamelet:ipfs-store-action?apiUrl=" + IPFS.apiUrl() + "&breakerFailureThreshold=2&breakerOpenDuration=500")
                        .setHeader(LedgerConstants.HOP_DETAIL, header(IpfsConstants.CID));
            }
        });
        IPFS.stop();
        List<LedgerEntry> appended = new ArrayList<>();
        try {
            context.start();
            for (int i = 0; i < 5; i++) {
                appended.add(ledger().appendAndWait(Measurement.of("breaker-1", T0.plusSeconds(i), 1_000 + i, "test")));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> failures.stream().anyMatch(message -> message.startsWith(
                    "CIRCUIT_OPEN: IPFS node " + IPFS.apiUrl() + " unreachable; circuit open, next try in")));
        } finally {
            IPFS.start();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> ledger().hops().countByState(IpfsHop.NAME).getOrDefault(IpfsHop.STORED, 0L) == 5);
        Map<Long, HopState> states = ledger().hops().states(IpfsHop.NAME, appended.stream().map(LedgerEntry::position).toList());
        for (LedgerEntry entry : appended) {
            Cid cid = Cid.ofRawSha256(entry.document().sha256());
            assertThat(states.get(entry.position()).detail()).isEqualTo(cid.toString());
            assertThat(IPFS.client().cat(cid)).isEqualTo(entry.document().bytes());
        }
    }

    private Ledger ledger() {
        return context.getComponent("ledger", LedgerComponent.class).ledger(data.toString());
    }
}
