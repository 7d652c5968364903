package org.energyweb.proof;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The proof file format, version 1. A document proof:
 * <pre>{"version":1,"document":"&lt;base64&gt;","leaf":"&lt;hex&gt;","index":i,"size":n,"path":["&lt;hex&gt;",...],"root":"&lt;hex&gt;",
 *  "anchor":{"chainId":…,"contract":"0x…","tx":"0x…","block":…}}</pre>
 * a field proof:
 * <pre>{"version":1,"field":{"name":…,"value":…,"salt":"&lt;hex&gt;","index":k},"schema":[names],"fieldPath":[…],
 *  "fieldRoot":"&lt;hex&gt;","index":i,"size":n,"path":[…],"root":"&lt;hex&gt;","anchor":{…}}</pre>
 * Hashes are 64 lowercase hex digits; {@code anchor} is left out while the batch is not anchored. A proof in
 * the gateway's transparency log is a document proof whose tree is the log at a checkpoint's size, with the
 * signed checkpoint (c2sp.org/tlog-checkpoint as a signed note) as {@code "checkpoint":"<text>"}; its anchor adds the
 * {@code anchorCheckpoint} call's {@code "submitter"}, {@code "origin"}, {@code "size"} and {@code "cid"}, and is
 * {@code "anchor":null}, written out, while that checkpoint is not anchored.
 * Reading is strict: duplicate or unknown members are refused rather than ignored.
 */
public final class ProofJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final HexFormat HEX = HexFormat.of();
    private static final Set<String> BATCH_MEMBERS = Set.of("version", "index", "size", "path", "root", "anchor", "checkpoint");
    private static final Set<String> DOCUMENT_PROOF_MEMBERS = with(BATCH_MEMBERS, "document", "leaf");
    private static final Set<String> FIELD_PROOF_MEMBERS = with(BATCH_MEMBERS, "field", "schema", "fieldPath", "fieldRoot");
    private static final Set<String> FIELD_MEMBERS = Set.of("name", "value", "salt", "index");
    private static final Set<String> ANCHOR_MEMBERS = Set.of("chainId", "contract", "tx", "block");
    private static final Set<String> CHECKPOINT_ANCHOR_MEMBERS = with(ANCHOR_MEMBERS, "submitter", "origin", "size", "cid");

    private ProofJson() {
    }

    private static Set<String> with(Set<String> base, String... more) {
        return Stream.concat(base.stream(), Stream.of(more)).collect(Collectors.toUnmodifiableSet());
    }

    public static String write(Proof proof) {
        ObjectNode json = MAPPER.createObjectNode().put("version", Proof.VERSION);
        if (proof instanceof InclusionProof document) {
            json.put("document", Base64.getEncoder().encodeToString(document.document()));
            json.put("leaf", HEX.formatHex(document.leaf()));
        } else {
            FieldProof field = (FieldProof) proof;
            ObjectNode disclosed = json.putObject("field");
            disclosed.put("name", field.field().name());
            disclosed.set("value", field.field().value());
            disclosed.put("salt", HEX.formatHex(field.field().salt()));
            disclosed.put("index", field.field().index());
            field.schema().forEach(json.putArray("schema")::add);
            putHashes(json.putArray("fieldPath"), field.fieldPath());
            json.put("fieldRoot", HEX.formatHex(field.fieldRoot()));
        }
        writeBatch(proof.batch(), json);
        try {
            return MAPPER.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree failed to serialise", e);
        }
    }

    private static void writeBatch(BatchPath batch, ObjectNode json) {
        json.put("index", batch.index()).put("size", batch.size());
        putHashes(json.putArray("path"), batch.path());
        json.put("root", HEX.formatHex(batch.root()));
        if (batch.checkpoint() != null) {
            json.put("checkpoint", batch.checkpoint());
        }
        Anchor anchor = batch.anchor();
        if (anchor != null) {
            ObjectNode written = json.putObject("anchor")
                    .put("chainId", anchor.chainId())
                    .put("contract", anchor.contract())
                    .put("tx", anchor.tx())
                    .put("block", anchor.block());
            CheckpointAnchor checkpoint = anchor.checkpoint();
            if (checkpoint != null) {
                written.put("submitter", checkpoint.submitter())
                        .put("origin", checkpoint.origin())
                        .put("size", checkpoint.size())
                        .put("cid", checkpoint.cid());
            }
        } else if (batch.checkpoint() != null) {
            // A log proof says outright that its checkpoint is not anchored (yet), rather than leaving it to be guessed.
            json.putNull("anchor");
        }
    }

    private static void putHashes(ArrayNode array, List<byte[]> hashes) {
        hashes.forEach(hash -> array.add(HEX.formatHex(hash)));
    }

    /**
     * Reads a document proof or a field proof (told apart by the {@code field} member).
     *
     * @throws InvalidProofException naming what is malformed
     */
    public static Proof read(byte[] json) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new InvalidProofException("proof is not valid JSON: " + e.getMessage());
        }
        boolean fieldProof = tree != null && tree.has("field");
        JsonMembers proof = JsonMembers.of(tree, "proof", fieldProof ? FIELD_PROOF_MEMBERS : DOCUMENT_PROOF_MEMBERS);
        long version = proof.natural("version");
        if (version != Proof.VERSION) {
            throw new InvalidProofException("proof version " + version + " is not supported (expected " + Proof.VERSION + ")");
        }
        BatchPath batch = readBatch(proof);
        if (!fieldProof) {
            return new InclusionProof(proof.base64("document"), proof.hash("leaf"), batch);
        }
        JsonMembers field = JsonMembers.of(proof.required("field"), "field", FIELD_MEMBERS);
        DisclosedField disclosed = new DisclosedField(field.text("name"), field.required("value"), field.hash("salt"),
                field.naturalInt("index"));
        return new FieldProof(disclosed, proof.texts("schema"), proof.hashes("fieldPath"), proof.hash("fieldRoot"), batch);
    }

    private static BatchPath readBatch(JsonMembers proof) {
        Anchor anchor = proof.has("anchor") ? readAnchor(JsonMembers.of(proof.required("anchor"), "anchor", CHECKPOINT_ANCHOR_MEMBERS)) : null;
        String checkpoint = proof.has("checkpoint") ? proof.text("checkpoint") : null;
        return new BatchPath(proof.natural("index"), proof.natural("size"), proof.hashes("path"), proof.hash("root"), anchor, checkpoint);
    }

    private static Anchor readAnchor(JsonMembers anchor) {
        long chainId = anchor.natural("chainId");
        String contract = anchor.text("contract");
        String tx = anchor.text("tx");
        long block = anchor.natural("block");
        try {
            CheckpointAnchor checkpoint = anchor.has("submitter") || anchor.has("origin") || anchor.has("size") || anchor.has("cid")
                    ? new CheckpointAnchor(anchor.text("submitter"), anchor.text("origin"), anchor.natural("size"), anchor.text("cid")) : null;
            return new Anchor(chainId, contract, tx, block, checkpoint);
        } catch (IllegalArgumentException e) {
            throw new InvalidProofException("anchor: " + e.getMessage());
        }
    }
}
