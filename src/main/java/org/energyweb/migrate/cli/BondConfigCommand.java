package org.energyweb.migrate.cli;

import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.energyweb.chain.keys.KeyPassword;
import org.energyweb.chain.keys.Keystore;
import org.energyweb.chain.keys.KeystoreException;
import org.energyweb.migrate.BondConfig;
import org.energyweb.migrate.BondConfigMigration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code migrate bond-config CONFIG.json --out DIR}: turns an ew-link-bond configuration into a route file, a
 * properties file and encrypted keystores for {@code energyweb run}; the plain-text keys of the old file are
 * encrypted, never copied or printed.
 */
@Command(name = "bond-config", mixinStandardHelpOptions = true,
        description = "Translate an ew-link-bond configuration (producers/consumers with energy-meter, smart-contract, carbon-emission) "
                + "into DIR/bond.camel.yaml, DIR/application.properties and, for each plain-text private key, an encrypted V3 keystore "
                + "DIR/keys/<meter>.json. No secret of the old file is written in plain text; delete that file once migrated.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:every entry was carried over", "1:some entry or part could not be carried over (each is reported; the rest is written)",
                "2:usage or I/O error, or no keystore password"})
public class BondConfigCommand implements Callable<Integer> {

    static final String ROUTES = "bond.camel.yaml";
    static final String PROPERTIES = "application.properties";

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CONFIG.json", description = "The ew-link-bond configuration file.")
    Path config;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where the routes, properties and keystores are written.")
    Path out;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "File whose first line encrypts the keystores, and which the routes unlock them with; default: the "
                    + KeyPassword.ENVIRONMENT_VARIABLE + " variable")
    Path passwordFile;

    @Option(names = "--light", description = "light scrypt parameters for the keystores, for development keys only")
    boolean light;

    @Override
    public Integer call() throws Exception {
        PrintWriter printer = spec.commandLine().getOut();
        List<BondConfig.Entry> entries = BondConfig.read(config);
        Path keys = out.toAbsolutePath().resolve("keys");
        BondConfigMigration.Plan plan = BondConfigMigration.plan(entries, keys, passwordFile);
        List<String> notCarried = new ArrayList<>(plan.notCarried());
        if (!plan.keys().isEmpty()) {
            char[] password = KeyPassword.resolve(passwordFile, KeyPassword.ENVIRONMENT_VARIABLE, System.getenv());
            try {
                for (BondConfigMigration.KeyImport key : plan.keys()) {
                    importKey(key, password, notCarried);
                }
            } finally {
                Arrays.fill(password, '\0');
            }
        }
        Files.createDirectories(out);
        Files.writeString(out.resolve(ROUTES), routes(plan), StandardCharsets.UTF_8);
        Files.writeString(out.resolve(PROPERTIES), properties(plan), StandardCharsets.UTF_8);

        printer.println(entries.size() + " entries in " + config);
        plan.carried().forEach(line -> printer.println("carried over: " + line));
        plan.keys().forEach(key -> printer.println("key of " + key.meter() + " (" + key.address() + ") -> " + key.keystore()));
        notCarried.forEach(line -> printer.println("NOT carried over: " + line));
        plan.todo().forEach(line -> printer.println("to do: " + line));
        printer.println("wrote " + out.resolve(ROUTES) + " and " + out.resolve(PROPERTIES));
        if (!plan.keys().isEmpty()) {
            printer.println("the private keys of " + config + " are in plain text: delete that file (and its backups) once the keystores work");
        }
        printer.println("run: energyweb run --routes " + out.resolve(ROUTES) + " --config " + out.resolve(PROPERTIES) + " --data DATA");
        return notCarried.isEmpty() ? 0 : 1;
    }

    /** Encrypts the key; a keystore already there (an earlier run) is kept when it holds the same account. */
    private void importKey(BondConfigMigration.KeyImport key, char[] password, List<String> notCarried) {
        if (Files.exists(key.keystore())) {
            if (!Keystore.address(key.keystore()).equalsIgnoreCase(key.address())) {
                notCarried.add(key.meter() + ": keystore " + key.keystore() + " already exists for another account; the key was not imported");
            }
            return;
        }
        try {
            Keystore.write(key.keystore(), key.key(), password, light ? Keystore.Strength.LIGHT : Keystore.Strength.STANDARD);
        } catch (KeystoreException e) {
            notCarried.add(key.meter() + ": " + e.getMessage());
        }
    }

    private String routes(BondConfigMigration.Plan plan) throws Exception {
        YAMLMapper yaml = new YAMLMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));
        String header = "# Migrated from the ew-link-bond configuration " + config.getFileName() + " by `energyweb migrate bond-config`.\n"
                + "# Each route reads one meter, ledgers its readings and writes them to its Origin release A asset.\n"
                + "# Settings are in " + PROPERTIES + "; passwords come from the environment, keys from keystores.\n";
        return header + (plan.routes().isEmpty() ? "[]\n" : yaml.writeValueAsString(plan.routes()));
    }

    private String properties(BondConfigMigration.Plan plan) {
        StringBuilder text = new StringBuilder("# Migrated from the ew-link-bond configuration " + config.getFileName()
                + ". No secret is in this file: keystore and HTTP passwords come from the environment.\n");
        for (Map.Entry<String, String> property : plan.properties().entrySet()) {
            text.append(property.getValue() == null ? "# " + property.getKey() + "=0x... (fill in)" : property.getKey() + "=" + escape(property.getValue()))
                    .append('\n');
        }
        return text.toString();
    }

    /** A value as java.util.Properties reads it back. */
    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    }
}
