package org.energyweb.tlog.camel;

import org.apache.camel.spi.Metadata;

/** Message headers of the {@code checkpoint-anchor} endpoint. */
public final class CheckpointAnchorConstants {

    @Metadata(description = "Why the newest kept checkpoint is not being anchored (it lacks the witness quorum); absent when it is",
            javaType = "String")
    public static final String WAITING_FOR = "EnergywebLogAnchorWaitingFor";

    private CheckpointAnchorConstants() {
    }
}
