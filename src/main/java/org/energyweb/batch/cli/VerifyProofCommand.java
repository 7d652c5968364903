package org.energyweb.batch.cli;

import org.energyweb.batch.ChainAnchorCheck;
import org.energyweb.chain.rpc.Eth;
import org.energyweb.chain.rpc.JsonRpcClient;
import org.energyweb.chain.rpc.RpcException;
import org.energyweb.proof.BatchPath;
import org.energyweb.proof.InvalidProofException;
import org.energyweb.proof.Proof;
import org.energyweb.proof.ProofJson;
import org.energyweb.proof.ProofVerifier;
import org.energyweb.proof.Verification;
import org.energyweb.tlog.CheckpointCheck;
import org.energyweb.tlog.NoteVerifier;
import org.energyweb.tlog.proof.CheckpointAnchorCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "verify-proof", mixinStandardHelpOptions = true,
        description = "Checks a proof made by 'energyweb prove': the document or field against its leaf, the inclusion path "
                + "to the root and, with --rpc, that the root and batch size were anchored in the named transaction, block and contract; "
                + "for a transparency-log proof, that its signed checkpoint commits to that root and size (and, with --log-key, its signature),"
                + " that its anchor names that checkpoint and, with --rpc, that the contract's LogCheckpointAnchored event in the anchor's"
                + " transaction carries exactly its submitter, origin, size, root and CID.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the proof is valid", "1:the proof is invalid (the reason is printed)", "2:the file or node cannot be read"})
public class VerifyProofCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The proof JSON.")
    Path file;

    @Option(names = "--rpc", description = "JSON-RPC URL of a node of the anchoring chain; without it only the hashes are checked.")
    String rpc;

    @Option(names = "--allow-insecure", description = "Accept a plain-http RPC URL to another machine.")
    boolean allowInsecure;

    @Option(names = "--confirmations", paramLabel = "N", defaultValue = "1", description = "With --rpc: blocks the anchoring"
            + " transaction's block needs on the chain, itself included (default: ${DEFAULT-VALUE}).")
    int confirmations;

    @Option(names = "--log-key", paramLabel = "VKEY", description = "For a transparency-log proof: the log's verifier key"
            + " (name+hash+key, as `energyweb log key` prints it, or a file holding it); the checkpoint's signature is then checked.")
    String logKey;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            Proof proof;
            try {
                proof = ProofJson.read(Files.readAllBytes(file));
            } catch (InvalidProofException e) {
                out.println("INVALID: " + e.getMessage());
                return 1;
            }
            String checkpoint = proof.batch().checkpoint();
            if (checkpoint != null) {
                return verifyInLog(proof, checkpoint, out);
            }
            Optional<String> logAnchor = CheckpointAnchorCheck.problem(proof.batch());
            if (logAnchor.isPresent()) {
                out.println("INVALID: " + logAnchor.get());
                return 1;
            }
            ProofVerifier verifier = rpc == null ? ProofVerifier.hashesOnly() : ProofVerifier.checkingAnchorsWith(new ChainAnchorCheck(eth(), confirmations));
            Verification verification = verifier.verify(proof);
            if (!verification.valid()) {
                out.println("INVALID: " + verification.reason());
                return 1;
            }
            out.println(verification.anchorChecked() ? "VALID: hashes and on-chain anchor check out"
                    : "VALID: hashes check out (anchor not checked; give --rpc to check it on the chain)");
            return 0;
        } catch (IOException e) {
            err.println("energyweb verify-proof: cannot read " + file + ": " + e.getMessage());
            return 2;
        } catch (RpcException | org.energyweb.chain.rpc.RpcUnreachableException | IllegalArgumentException e) {
            err.println("energyweb verify-proof: " + e.getMessage());
            return 2;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /**
     * A transparency-log proof, checked in this order: the hashes, its checkpoint (size and root, the log key's
     * signature with --log-key), its anchor against the rest of the proof, and with --rpc the anchor on the chain.
     */
    private int verifyInLog(Proof proof, String checkpoint, PrintWriter out) throws IOException {
        Verification hashes = ProofVerifier.hashesOnly().verify(proof);
        BatchPath batch = proof.batch();
        Optional<String> problem = hashes.valid() ? CheckpointCheck.problem(checkpoint, batch.size(), batch.root(), verifierKey())
                : Optional.of(hashes.reason());
        if (problem.isEmpty()) {
            problem = CheckpointAnchorCheck.problem(batch);
        }
        if (problem.isEmpty() && rpc != null) {
            problem = batch.anchor() == null ? Optional.of("proof has no anchor to check: its checkpoint is not anchored")
                    : new CheckpointAnchorCheck(eth(), confirmations).problem(batch.anchor(), batch.root(), batch.size())
                            .map(reason -> "anchor: " + reason);
        }
        if (problem.isPresent()) {
            out.println("INVALID: " + problem.get());
            return 1;
        }
        String signature = logKey != null ? ", signed by its log key" : " (signature not checked; give --log-key to check it)";
        String anchor = rpc != null ? "; its anchor checks out on the chain"
                : batch.anchor() == null ? "; it is not anchored" : "; anchor not checked (give --rpc to check it on the chain)";
        out.println("VALID: hashes check out in the log's checkpoint" + signature + anchor);
        return 0;
    }

    private Eth eth() {
        return new Eth(JsonRpcClient.connect(rpc, allowInsecure, Duration.ofSeconds(30)));
    }

    private Optional<NoteVerifier> verifierKey() throws IOException {
        if (logKey == null) {
            return Optional.empty();
        }
        Path file = Path.of(logKey);
        return Optional.of(NoteVerifier.parse(Files.isRegularFile(file) ? Files.readString(file) : logKey));
    }
}
