package org.energyweb.app.camel;

import org.apache.camel.CamelContext;
import org.energyweb.camel.KameletTestSupport;
import org.energyweb.ledger.Ledger;
import org.energyweb.ledger.camel.LedgerComponent;
import org.energyweb.reading.Reading;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** routes/examples/task-gateway.camel.yaml as users run it: the original's example task runs inside the gateway. */
class TaskGatewayRouteTest extends KameletTestSupport {

    @TempDir
    static Path dir;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        // Before the file is read: its beans take their settings as they are created.
        context.getPropertiesComponent().setOverrideProperties(simulatedGatewayProperties(dir.resolve("data")));
        loadProjectRoutes(context, "routes/examples/task-gateway.camel.yaml");
        return context;
    }

    @Test
    void theExampleTaskRunsOnItsIntervalAndAppendsToTheGatewaysLedgerBesideItsMeters() {
        Ledger ledger = context.getComponent("ledger", LedgerComponent.class).ledger(dir.resolve("data").toString());

        await().atMost(Duration.ofSeconds(60)).until(() -> ledger.head("task-1").map(head -> head.seq() >= 1).orElse(false));

        Reading first = ledger.find("task-1", 0).orElseThrow().document().reading();
        Reading second = ledger.find("task-1", 1).orElseThrow().document().reading();
        assertThat(first.energyWh()).isEqualTo(1);
        assertThat(second.energyWh()).isEqualTo(2);
        assertThat(Duration.between(first.time(), second.time())).isGreaterThanOrEqualTo(Duration.ofMillis(4_900));
        assertThat(first.source()).isEqualTo("task:ExampleTask");
        assertThat(ledger.head("sim-1")).as("the gateway's own meters go on beside the task").isPresent();
    }
}
