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
import java.util.concurrent.Callable;

@Command(name = "verify-proof", mixinStandardHelpOptions = true,
        description = "Checks a proof made by 'energyweb prove': the document or field against its leaf, the inclusion path "
                + "to the root and, with --rpc, that the root and batch size were anchored in the named transaction, block and contract.",
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
}
