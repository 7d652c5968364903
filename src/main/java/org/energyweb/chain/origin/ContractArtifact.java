package org.energyweb.chain.origin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** A contract compiled by the build (solc-js): its ABI and creation bytecode, shipped in the jar. */
public record ContractArtifact(String name, JsonNode abi, String bytecode) {

    public static final ContractArtifact PRODUCING = load("AssetProducingRegistry");
    public static final ContractArtifact CONSUMING = load("AssetConsumingRegistry");
    public static final ContractArtifact ANCHOR = load("ReadingAnchor");

    public static ContractArtifact load(String name) {
        String abi = resource(name + ".abi");
        try {
            return new ContractArtifact(name, new ObjectMapper().readTree(abi), "0x" + resource(name + ".bin").trim());
        } catch (IOException e) {
            throw new UncheckedIOException("contracts/" + name + ".abi is not JSON", e);
        }
    }

    private static String resource(String file) {
        try (InputStream in = ContractArtifact.class.getResourceAsStream("/contracts/" + file)) {
            if (in == null) {
                throw new IllegalStateException("contracts/" + file + " is missing from the classpath; the build compiles it");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read contracts/" + file, e);
        }
    }
}
