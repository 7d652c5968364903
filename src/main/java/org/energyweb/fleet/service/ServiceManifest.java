package org.energyweb.fleet.service;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.energyweb.ipfs.cid.Cid;
import org.energyweb.ipfs.cid.UnixFs;
import org.energyweb.ipfs.cid.UnixFsOptions;
import org.energyweb.proof.LeafKind;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HexFormat;
import java.util.List;

/**
 * The manifest of one of the anchor service's Merkle batches, version 1
 * ({@code schemas/fleet-manifest-v1.schema.json}): what its root commits to, leaf by leaf in leaf order, with whose reading each leaf is (gateway, meter, seq) and the SHA-256 of
 * its document (the leaf input, as in a gateway's {@code document-sha256} batches). Unlike a gateway's
 * batch manifest ({@link org.energyweb.batch.BatchManifest}), which places leaves by the gateway's ledger
 * positions, it names the gateway of each reading and places the batch by its partition's offsets.
 * The same batch always gives the same bytes, so its CID, which goes on chain with the root, is known
 * before the manifest is stored anywhere.
 */
public final class ServiceManifest {

    /** The CID's form: CIDv1 with raw leaves, as {@code ipfs add --cid-version=1} computes it. */
    public static final UnixFsOptions CID_OPTIONS = UnixFsOptions.forCidVersion(1);

    private static final JsonFactory JSON = new JsonFactory();
    private static final HexFormat HEX = HexFormat.of();

    /** One leaf: whose reading, and its document's SHA-256 (hex). */
    public record Leaf(String gateway, String meter, long seq, String sha256) {
    }

    private ServiceManifest() {
    }

    public static byte[] json(String topic, int partition, long firstOffset, long lastOffset, byte[] root, List<Leaf> leaves) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(256, leaves.size() * 160));
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeNumberField("version", 1);
            json.writeStringField("leafKind", LeafKind.DOCUMENT_SHA256.manifestName());
            json.writeStringField("topic", topic);
            json.writeNumberField("partition", partition);
            json.writeNumberField("firstOffset", firstOffset);
            json.writeNumberField("lastOffset", lastOffset);
            json.writeNumberField("size", leaves.size());
            json.writeStringField("root", HEX.formatHex(root));
            json.writeArrayFieldStart("leaves");
            for (Leaf leaf : leaves) {
                json.writeStartObject();
                json.writeStringField("gateway", leaf.gateway());
                json.writeStringField("meter", leaf.meter());
                json.writeNumberField("seq", leaf.seq());
                json.writeStringField("sha256", leaf.sha256());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing a manifest to memory failed", e);
        }
        return out.toByteArray();
    }

    public static Cid cid(byte[] manifest) {
        return UnixFs.cidOf(manifest, CID_OPTIONS);
    }
}
