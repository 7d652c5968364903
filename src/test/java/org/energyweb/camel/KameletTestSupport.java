package org.energyweb.camel;

import org.apache.camel.CamelContext;
import org.apache.camel.component.kamelet.KameletComponent;
import org.apache.camel.test.junit5.CamelTestSupport;

import java.nio.file.Path;

/** Camel tests that load the project's own kamelets from the kamelets/ folder, as users do. */
public abstract class KameletTestSupport extends CamelTestSupport {

    protected static Path projectDir() {
        return Path.of(System.getProperty("energyweb.project.dir", ".")).toAbsolutePath();
    }

    /** The settings of a gateway route with four simulated solar meters read every 50 ms, ledgered into {@code data}. */
    protected static java.util.Properties simulatedGatewayProperties(Path data) {
        java.util.Properties properties = new java.util.Properties();
        properties.put("energyweb.data", data.toString());
        properties.put("energyweb.simulator.meters", "4");
        properties.put("energyweb.simulator.period", "50");
        properties.put("energyweb.simulator.profile", "solar");
        return properties;
    }

    /** Loads a YAML route file of the project (e.g. {@code routes/examples/x.camel.yaml}) into {@code context}, as users run it. */
    protected static void loadProjectRoutes(CamelContext context, String file) throws Exception {
        org.apache.camel.support.PluginHelper.getRoutesLoader(context).loadRoutes(
                org.apache.camel.support.ResourceHelper.resolveResource(context, "file:" + projectDir().resolve(file)));
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getComponent("kamelet", KameletComponent.class).setLocation("file:" + projectDir().resolve("kamelets"));
        return context;
    }
}
