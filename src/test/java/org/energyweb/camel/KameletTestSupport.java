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

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getComponent("kamelet", KameletComponent.class).setLocation("file:" + projectDir().resolve("kamelets"));
        return context;
    }
}
