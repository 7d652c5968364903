package org.energyweb.camel;

import org.apache.camel.CamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.energyweb.ledger.Ledger;
import org.energyweb.ledger.LedgerVerifier;
import org.energyweb.ledger.camel.LedgerComponent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The default YAML route of routes/, as users run it: simulated meters into a verified ledger. */
class GatewayRouteTest extends KameletTestSupport {

    @TempDir
    static Path data;

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties properties = new Properties();
        properties.put("energyweb.data", data.toString());
        properties.put("energyweb.simulator.meters", "4");
        properties.put("energyweb.simulator.period", "50");
        properties.put("energyweb.simulator.profile", "solar");
        return properties;
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        PluginHelper.getRoutesLoader(context).loadRoutes(
                ResourceHelper.resolveResource(context, "file:" + projectDir().resolve("routes/gateway.camel.yaml")));
        return context;
    }

    @Test
    void readingsOfEveryMeterFlowIntoAVerifiedLedger() {
        Ledger ledger = context.getComponent("ledger", LedgerComponent.class).ledger(data.toString());
        await().until(() -> ledger.heads().size() == 4 && ledger.heads().values().stream().allMatch(h -> h.seq() >= 3));
        context.stop();
        assertThat(LedgerVerifier.verify(data).ok()).isTrue();
    }
}
