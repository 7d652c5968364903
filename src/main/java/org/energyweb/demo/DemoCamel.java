package org.energyweb.demo;

import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.energyweb.ledger.Ledger;
import org.energyweb.observe.GatewayObservability;

import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The demo's routes in Camel Main, as {@code energyweb run} runs a gateway, so the demo has the same
 * management port (health, metrics, status page). Main runs on a thread of its own, because the demo
 * drives it: it stops the meters, drains, then stops Camel.
 */
final class DemoCamel implements AutoCloseable {

    private final Main main;
    private final Thread runner;
    private final GatewayObservability observability;

    private DemoCamel(Main main, Thread runner, GatewayObservability observability) {
        this.main = main;
        this.runner = runner;
        this.observability = observability;
    }

    /** Starts the routes on the ledger and returns once they run; {@code log} hears the management URL. */
    static DemoCamel start(Ledger ledger, RoutesBuilder routes, Consumer<String> log) throws Exception {
        Main main = new Main();
        main.bind("ledger", ledger);
        main.configure().addRoutesBuilder(routes);
        main.addInitialProperty("camel.main.name", "energyweb-demo");
        GatewayObservability observability = GatewayObservability.install(main, new Properties(), ledger, log);
        CountDownLatch started = new CountDownLatch(1);
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterStart(BaseMainSupport running) {
                started.countDown();
            }
        });
        AtomicReference<Exception> failure = new AtomicReference<>();
        Thread runner = new Thread(() -> {
            try {
                main.run();
            } catch (Exception e) {
                failure.set(e);
            } finally {
                started.countDown();
            }
        }, "energyweb-demo-camel");
        runner.start();
        started.await();
        if (failure.get() != null || !runner.isAlive()) {
            observability.close();
            throw failure.get() != null ? failure.get() : new IllegalStateException("Camel stopped while starting the demo's routes");
        }
        return new DemoCamel(main, runner, observability);
    }

    CamelContext context() {
        return main.getCamelContext();
    }

    @Override
    public void close() throws InterruptedException {
        CamelContext context = main.getCamelContext();
        if (context != null) {
            context.stop();
        }
        main.completed();
        runner.join(TimeUnit.MINUTES.toMillis(1));
        observability.close();
    }
}
