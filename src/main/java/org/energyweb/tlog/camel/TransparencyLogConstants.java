package org.energyweb.tlog.camel;

import org.apache.camel.spi.Metadata;

/** Headers the transparency log sets on each signed checkpoint it emits. */
public final class TransparencyLogConstants {

    @Metadata(description = "The log's origin line (its name, the log key's name)", javaType = "String")
    public static final String ORIGIN = "EnergywebLogOrigin";
    @Metadata(description = "The checkpoint's tree size: the readings the log holds", javaType = "Long")
    public static final String SIZE = "EnergywebLogSize";
    @Metadata(description = "Lowercase hex of the checkpoint's RFC 9162 root hash", javaType = "String")
    public static final String ROOT = "EnergywebLogRoot";

    @Metadata(description = "How many of the configured witnesses cosigned the checkpoint (0 without witnesses)", javaType = "Integer")
    public static final String COSIGNATURES = "EnergywebLogCosignatures";

    private TransparencyLogConstants() {
    }
}
