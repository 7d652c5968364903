package org.energyweb.chain.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.energyweb.chain.origin.OriginAdmin;
import org.energyweb.chain.origin.Registry;
import org.energyweb.chain.rpc.Eth;
import org.energyweb.chain.rpc.JsonRpcClient;
import org.energyweb.chain.rpc.RevertException;
import org.energyweb.chain.rpc.RpcException;
import org.energyweb.chain.rpc.RpcUnreachableException;
import org.energyweb.chain.tx.DirectTransactor;
import org.energyweb.chain.tx.GasPolicy;
import org.energyweb.chain.tx.Signer;
import org.web3j.crypto.Credentials;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code chain deploy|onboard}: set up Energyweb's contracts and assets on a (development) chain. */
@Command(name = "chain", description = "Deploy Energyweb's Origin contracts and onboard assets.",
        mixinStandardHelpOptions = true, subcommands = {ChainCommand.Deploy.class, ChainCommand.Onboard.class})
public class ChainCommand {

    /** Exit code when the chain refused or could not be reached. */
    public static final int CHAIN_PROBLEM = 1;

    private static final ObjectMapper JSON = new ObjectMapper();

    final Map<String, String> environment;

    public ChainCommand() {
        this(System.getenv());
    }

    /** @param environment where {@code ENERGYWEB_KEY_PASSWORD} is looked up */
    public ChainCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    /** The node and signing key every chain subcommand needs. */
    static class Connection {
        @Option(names = "--rpc", required = true, paramLabel = "URL", description = "JSON-RPC URL of the node")
        String rpc;

        @Option(names = "--allow-insecure", description = "accept a plain-http URL to another machine")
        boolean allowInsecure;

        @Option(names = "--json", description = "print the result as JSON")
        boolean json;

        @Mixin
        KeysCommand.KeyOptions key;

        OriginAdmin admin(Map<String, String> environment) {
            Credentials credentials = key.unlock(environment);
            Eth eth = new Eth(JsonRpcClient.connect(rpc, allowInsecure, Duration.ofSeconds(30)));
            DirectTransactor transactor = new DirectTransactor(eth, new Signer(credentials, eth.chainId()), GasPolicy.DEFAULT,
                    Duration.ofMillis(200), Duration.ofMinutes(5));
            return new OriginAdmin(eth, transactor, credentials.getAddress());
        }
    }

    /** What the chain subcommands share: the connection, where to print, exit codes. */
    abstract static class ChainSubcommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @ParentCommand
        ChainCommand parent;

        @Mixin
        Connection connection;

        @Override
        public Integer call() {
            return run(spec, () -> {
                print(execute(connection.admin(parent.environment)), spec.commandLine().getOut());
                return 0;
            });
        }

        /** Does the work and returns the result as JSON fields. */
        abstract ObjectNode execute(OriginAdmin admin);

        /** The human-readable form of the result. */
        abstract String describe(ObjectNode result);

        private void print(ObjectNode result, PrintWriter out) {
            out.println(connection.json ? result.toString() : describe(result));
        }
    }

    @Command(name = "deploy", description = "Deploy the producing and consuming registries and the reading anchor; print their addresses.")
    static class Deploy extends ChainSubcommand {
        @Override
        ObjectNode execute(OriginAdmin admin) {
            OriginAdmin.Deployment deployment = admin.deploy();
            return JSON.createObjectNode().put("producing", deployment.producing()).put("consuming", deployment.consuming())
                    .put("anchor", deployment.anchor());
        }

        @Override
        String describe(ObjectNode result) {
            return "producing registry  " + result.get("producing").asText() + System.lineSeparator()
                    + "consuming registry  " + result.get("consuming").asText() + System.lineSeparator()
                    + "reading anchor      " + result.get("anchor").asText();
        }
    }

    @Command(name = "onboard", description = "Create an asset, initialise it with its smart-meter account and activate it; print its id.")
    static class Onboard extends ChainSubcommand {
        @Option(names = "--registry", required = true, paramLabel = "producing|consuming", description = "which registry the asset joins")
        String registry;

        @Option(names = "--contract", required = true, paramLabel = "ADDR", description = "address of that registry contract")
        String contract;

        @Option(names = "--smart-meter", required = true, paramLabel = "ADDR", description = "the only account allowed to write the asset's reads")
        String smartMeter;

        @Option(names = "--owner", paramLabel = "ADDR", description = "the asset's owner, an AssetManager (default: the signing account)")
        String owner;

        @Override
        ObjectNode execute(OriginAdmin admin) {
            Registry which = Registry.named(registry);
            String assetOwner = owner != null ? owner : admin.address();
            BigInteger assetId = admin.onboard(which, contract, smartMeter, assetOwner);
            return JSON.createObjectNode().put("assetId", assetId).put("registry", which.name().toLowerCase())
                    .put("contract", contract).put("smartMeter", smartMeter).put("owner", assetOwner);
        }

        @Override
        String describe(ObjectNode result) {
            return "asset " + result.get("assetId").asText() + " in the " + result.get("registry").asText() + " registry "
                    + result.get("contract").asText() + ", smart meter " + result.get("smartMeter").asText() + ", active";
        }
    }

    /** Runs a subcommand: key problems exit 2, a refusing or unreachable chain exits 1, each with its message. */
    static int run(CommandSpec spec, Callable<Integer> work) {
        return KeysCommand.withKeyProblems(spec, () -> {
            try {
                return work.call();
            } catch (RevertException | RpcException | RpcUnreachableException | IllegalArgumentException | IllegalStateException e) {
                spec.commandLine().getErr().println("energyweb: " + e.getMessage());
                return CHAIN_PROBLEM;
            }
        });
    }
}
