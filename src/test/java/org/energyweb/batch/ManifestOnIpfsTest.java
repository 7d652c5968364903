package org.energyweb.batch;

import com.networknt.schema.JsonSchema;
import org.energyweb.chain.OnDevChain;
import org.energyweb.ipfs.IpfsPeer;
import org.energyweb.ipfs.cid.Cid;
import org.energyweb.ledger.BatchRecord;
import org.energyweb.proof.MerkleTree;
import org.energyweb.reading.JsonSchemas;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The batch manifest: stored on a real js-ipfs node under the CID that went on chain, valid against its schema, giving the root. */
class ManifestOnIpfsTest extends OnDevChain {

    @RegisterExtension
    static final IpfsPeer IPFS = new IpfsPeer();

    @TempDir
    Path dir;

    @Test
    void theManifestOnIpfsMatchesItsSchemaTheAnchoredRootAndTheLocalCopy() throws Exception {
        BatchRecord batch;
        try (MerkleGateway gateway = new MerkleGateway(dir.resolve("data"), chain.eth, chain.contracts.anchor(),
                MerkleGateway.bySize(7), IPFS.client())) {
            gateway.append(7, 1);
            batch = gateway.awaitAllConfirmed().get(0);
        }
        Cid cid = Cid.parse(batch.manifestCid());
        byte[] manifest = IPFS.client().cat(cid);
        JsonNode json = new ObjectMapper().readTree(manifest);

        assertThat(JsonSchemas.load("batch-manifest-v1.schema.json").validate(json)).isEmpty();
        assertThat(Files.readAllBytes(new ManifestStore(dir.resolve("data"), null).file(cid))).isEqualTo(manifest);
        List<byte[]> leaves = new ArrayList<>();
        json.get("leaves").forEach(leaf -> leaves.add(HexFormat.of().parseHex(leaf.get("leaf").asText())));
        assertThat(MerkleTree.ofLeafInputs(leaves).root()).isEqualTo(batch.root());
        assertThat(json.get("root").asText()).isEqualTo(HexFormat.of().formatHex(batch.root()));
    }
}
