package org.energyweb.peers;

import java.nio.file.Path;

/** The fleet's two engines for a test class: a KRaft broker and a PostgreSQL server, stopped together. */
public final class FleetEngines implements AutoCloseable {

    public final KafkaBroker broker;
    public final PostgresServer postgres;

    private FleetEngines(KafkaBroker broker, PostgresServer postgres) {
        this.broker = broker;
        this.postgres = postgres;
    }

    public static FleetEngines start(Path kafkaHome) {
        KafkaBroker broker = KafkaBroker.start(kafkaHome);
        try {
            return new FleetEngines(broker, PostgresServer.create());
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            broker.close();
        } finally {
            postgres.close();
        }
    }
}
