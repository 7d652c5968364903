package org.energyweb.batch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.energyweb.batch.cli.ProveCommand;
import org.energyweb.batch.cli.VerifyProofCommand;
import org.energyweb.chain.OnDevChain;
import org.energyweb.ledger.BatchRecord;
import org.energyweb.proof.LeafKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * energyweb prove and verify-proof on batches anchored on a real anvil: valid proofs pass with --rpc,
 * and a tampered document, path, index, root or anchor is each rejected with its reason.
 */
class ProofCommandsTest extends OnDevChain {

    @TempDir
    static Path dir;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path documents;
    private static Path fields;
    /** Two batches of the document ledger, so one batch's transaction can stand in for the other's. */
    private static List<BatchRecord> documentBatches;

    @BeforeAll
    static void anchor() throws Exception {
        documents = dir.resolve("documents");
        try (MerkleGateway gateway = new MerkleGateway(documents, chain.eth, chain.contracts.anchor(), MerkleGateway.bySize(5), null)) {
            gateway.append(5, 2);
            documentBatches = gateway.awaitAllConfirmed();
        }
        fields = dir.resolve("fields");
        try (MerkleGateway gateway = new MerkleGateway(fields, chain.eth, chain.contracts.anchor(),
                new BatchAnchorer.Options(3, Duration.ofMillis(300), LeafKind.FIELD_ROOT), null)) {
            gateway.append(3, 1);
            gateway.awaitAllConfirmed();
        }
    }

    record Run(int exit, String out, String err) {
    }

    private static Run run(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(command).setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
        return new Run(cli.execute(args), out.toString(), err.toString());
    }

    private Path proofFile(Path data, String meter, long seq, String... more) throws Exception {
        String[] args = new String[] {"--data", data.toString(), "--meter", meter, "--seq", String.valueOf(seq)};
        Run prove = run(new ProveCommand(), concat(args, more));
        assertThat(prove.exit()).as(prove.err()).isZero();
        Path file = Files.createTempFile(dir, "proof", ".json");
        Files.writeString(file, prove.out());
        return file;
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private Run verify(Path proof) {
        return run(new VerifyProofCommand(), proof.toString(), "--rpc", anvil.url());
    }

    private Path tampered(Consumer<ObjectNode> change) throws Exception {
        ObjectNode proof = (ObjectNode) JSON.readTree(proofFile(documents, "meter-2", 1).toFile());
        change.accept(proof);
        Path file = Files.createTempFile(dir, "tampered", ".json");
        Files.writeString(file, JSON.writeValueAsString(proof));
        return file;
    }

    @Test
    void aProofOfAnAnchoredReadingVerifiesAgainstTheChain() throws Exception {
        Run verify = verify(proofFile(documents, "meter-2", 1));

        assertThat(verify.exit()).isZero();
        assertThat(verify.out()).contains("VALID: hashes and on-chain anchor check out");
    }

    @Test
    void aBatchAnchorWithFewerConfirmationsThanAskedForIsRejected() throws Exception {
        Path proof = proofFile(documents, "meter-2", 1);

        Run enough = run(new VerifyProofCommand(), proof.toString(), "--rpc", anvil.url(), "--confirmations", "1");
        Run tooFew = run(new VerifyProofCommand(), proof.toString(), "--rpc", anvil.url(), "--confirmations", "1000");

        assertThat(enough.exit()).as(enough.out()).isZero();
        assertThat(tooFew.exit()).isEqualTo(1);
        assertThat(tooFew.out()).contains("INVALID: anchor: transaction ").contains("fewer than the 1000 asked for");
    }

    @Test
    void withoutRpcOnlyTheHashesAreCheckedAndTheOutputSaysSo() throws Exception {
        Run verify = run(new VerifyProofCommand(), proofFile(documents, "meter-0", 0).toString());

        assertThat(verify.exit()).isZero();
        assertThat(verify.out()).contains("anchor not checked");
    }

    @Test
    void aFieldProofVerifiesAgainstTheChain() throws Exception {
        Path proof = proofFile(fields, "meter-1", 0, "--field", "energyWh");

        assertThat(Files.readString(proof)).contains("\"name\":\"energyWh\"").doesNotContain("\"document\"");
        assertThat(verify(proof).exit()).isZero();
    }

    @Test
    void theFieldSaltSecretIsReadableByItsOwnerOnly() throws Exception {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fields.resolve(FieldSaltSecret.FILE_NAME))))
                .isEqualTo("rw-------");
    }

    @Test
    void aTamperedDocumentIsRejected() throws Exception {
        Run verify = verify(tampered(proof -> {
            byte[] document = Base64.getDecoder().decode(proof.get("document").asText());
            document[document.length - 3] ^= 1;
            proof.put("document", Base64.getEncoder().encodeToString(document));
        }));
        assertThat(verify.exit()).isEqualTo(1);
        assertThat(verify.out()).startsWith("INVALID: ").contains("document");
    }

    @Test
    void aTamperedPathIsRejected() throws Exception {
        Run verify = verify(tampered(proof -> ((ArrayNode) proof.get("path")).set(0, JSON.getNodeFactory().textNode("00".repeat(32)))));
        assertThat(verify.exit()).isEqualTo(1);
        assertThat(verify.out()).contains("INVALID: inclusion path does not lead to root");
    }

    @Test
    void aTamperedIndexIsRejected() throws Exception {
        Run verify = verify(tampered(proof -> proof.put("index", proof.get("index").asLong() ^ 1)));
        assertThat(verify.exit()).isEqualTo(1);
        assertThat(verify.out()).startsWith("INVALID: ");
    }

    @Test
    void aRootThatWasNeverAnchoredIsRejectedByTheChain() throws Exception {
        // A consistent proof for a made-up batch of one: every hash checks out, only the chain can refuse it.
        Run verify = verify(tampered(proof -> {
            proof.put("index", 0).put("size", 1).putArray("path");
            proof.put("root", org.energyweb.reading.Sha256.hex(org.energyweb.proof.MerkleTree.ofLeafInputs(
                    List.of(java.util.HexFormat.of().parseHex(proof.get("leaf").asText()))).root()));
        }));
        assertThat(verify.exit()).isEqualTo(1);
        assertThat(verify.out()).contains("INVALID: anchor: transaction").contains("did not anchor root");
    }

    @Test
    void anotherBatchsTransactionIsRejected() throws Exception {
        String otherTx = JSON.readTree(documentBatches.get(0).detail()).get("tx").asText();
        String otherBlock = JSON.readTree(documentBatches.get(0).detail()).get("block").asText();
        Run verify = verify(tampered(proof -> ((ObjectNode) proof.get("anchor")).put("tx", otherTx).put("block", Long.parseLong(otherBlock))));
        assertThat(verify.exit()).isEqualTo(1);
        assertThat(verify.out()).contains("did not anchor root");
    }

    @Test
    void aWrongContractIsRejected() throws Exception {
        Run verify = verify(tampered(proof -> ((ObjectNode) proof.get("anchor")).put("contract", chain.contracts.producing())));
        assertThat(verify.exit()).isEqualTo(1);
        assertThat(verify.out()).contains("was sent to").contains("not to " + chain.contracts.producing());
    }

    @Test
    void aWrongBlockIsRejected() throws Exception {
        Run verify = verify(tampered(proof -> ((ObjectNode) proof.get("anchor")).put("block", 1)));
        assertThat(verify.exit()).isEqualTo(1);
        assertThat(verify.out()).contains(", not 1");
    }

    @Test
    void anUnknownTransactionIsRejected() throws Exception {
        Run verify = verify(tampered(proof -> ((ObjectNode) proof.get("anchor")).put("tx", "0x" + "12".repeat(32))));
        assertThat(verify.exit()).isEqualTo(1);
        assertThat(verify.out()).contains("not found");
    }

    @Test
    void proveExitsWithTwoForAReadingThatIsNotAnchored() {
        Run prove = run(new ProveCommand(), "--data", documents.toString(), "--meter", "meter-9", "--seq", "0");

        assertThat(prove.exit()).isEqualTo(2);
        assertThat(prove.err()).contains("no reading meter-9#0");
    }

    @Test
    void aFieldProofOfADocumentBatchIsRefusedWithTheReason() {
        Run prove = run(new ProveCommand(), "--data", documents.toString(), "--meter", "meter-0", "--seq", "0", "--field", "energyWh");

        assertThat(prove.exit()).isEqualTo(2);
        assertThat(prove.err()).contains("document-sha256 leaves");
    }
}
