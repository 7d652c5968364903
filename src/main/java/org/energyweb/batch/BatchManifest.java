package org.energyweb.batch;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.energyweb.proof.LeafKind;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HexFormat;
import java.util.List;

/**
 * The batch manifest, version 1 (schemas/batch-manifest-v1.schema.json): what one anchored root
 * commits to, leaf by leaf. Streamed out, since a million-leaf manifest is over 100 MB of JSON.
 */
public final class BatchManifest {

    private static final JsonFactory JSON = new JsonFactory();
    private static final HexFormat HEX = HexFormat.of();

    private BatchManifest() {
    }

    public static byte[] json(LeafKind kind, List<BatchLeaf> leaves, byte[] root) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(256, leaves.size() * 128));
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeNumberField("version", 1);
            json.writeStringField("leafKind", kind.manifestName());
            json.writeNumberField("size", leaves.size());
            json.writeNumberField("firstPosition", leaves.get(0).position());
            json.writeNumberField("lastPosition", leaves.get(leaves.size() - 1).position());
            json.writeStringField("root", HEX.formatHex(root));
            json.writeArrayFieldStart("leaves");
            for (BatchLeaf leaf : leaves) {
                json.writeStartObject();
                json.writeStringField("meter", leaf.meter());
                json.writeNumberField("seq", leaf.seq());
                json.writeNumberField("position", leaf.position());
                json.writeStringField("leaf", HEX.formatHex(leaf.input()));
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing a manifest to memory failed", e);
        }
        return out.toByteArray();
    }
}
