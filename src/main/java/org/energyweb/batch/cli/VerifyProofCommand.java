package org.energyweb.batch.cli;

import org.energyweb.batch.ChainAnchorCheck;
import org.energyweb.chain.rpc.Eth;
import org.energyweb.chain.rpc.JsonRpcClient;
import org.energyweb.chain.rpc.RpcException;
import org.energyweb.proof.InvalidProofException;
import org.energyweb.proof.Proof;
import org.energyweb.proof.ProofJson;
import org.energyweb.proof.ProofVerifier;
import org.energyweb.proof.Verification;
import org.energyweb.tlog.CheckpointCheck;
import org.energyweb.tlog.NoteVerifier;
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
                + "for a transparency-log proof, that its signed checkpoint commits to that root and size (and, with --log-key, its signature).",
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
            ProofVerifier verifier = rpc == null ? ProofVerifier.hashesOnly()
                    : ProofVerifier.checkingAnchorsWith(new ChainAnchorCheck(new Eth(JsonRpcClient.connect(rpc, allowInsecure,
                    Duration.ofSeconds(30)))));
            Verification verification = verifier.verify(proof);
            if (!verification.valid()) {
                out.println("INVALID: " + verification.reason());
                return 1;
            }
            String checkpoint = proof.batch().checkpoint();
            if (checkpoint != null) {
                Optional<String> problem = CheckpointCheck.problem(checkpoint, proof.batch().size(), proof.batch().root(), verifierKey());
                if (problem.isPresent()) {
                    out.println("INVALID: " + problem.get());
                    return 1;
                }
                out.println(logKey != null ? "VALID: hashes check out in the log's checkpoint, signed by its log key"
                        : "VALID: hashes check out in the log's checkpoint (signature not checked; give --log-key to check it)");
                return 0;
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

    private Optional<NoteVerifier> verifierKey() throws IOException {
        if (logKey == null) {
            return Optional.empty();
        }
        Path file = Path.of(logKey);
        return Optional.of(NoteVerifier.parse(Files.isRegularFile(file) ? Files.readString(file) : logKey));
    }
}
