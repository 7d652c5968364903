package org.energyweb.chain.cli;

import org.energyweb.chain.keys.KeyPassword;
import org.energyweb.chain.keys.Keystore;
import org.energyweb.chain.keys.KeystoreException;
import org.web3j.crypto.Credentials;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;

/** {@code keys new|address}: the signing key's encrypted keystore file. */
@Command(name = "keys", description = "Create or inspect an Ethereum V3 keystore (scrypt-encrypted signing key).",
        mixinStandardHelpOptions = true,
        subcommands = {KeysCommand.New.class, KeysCommand.Address.class})
public class KeysCommand {

    /** Exit code for a keystore or password that cannot be used. */
    public static final int KEY_PROBLEM = 2;

    final Map<String, String> environment;

    public KeysCommand() {
        this(System.getenv());
    }

    /** @param environment where {@code ENERGYWEB_KEY_PASSWORD} is looked up */
    public KeysCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    /** The keystore and password options every command that signs shares. */
    public static class KeyOptions {
        @Option(names = "--keystore", required = true, paramLabel = "FILE", description = "V3 keystore file")
        Path keystore;

        @Option(names = "--password-file", paramLabel = "FILE",
                description = "file whose first line is the password; default: the ENERGYWEB_KEY_PASSWORD variable")
        Path passwordFile;

        /** Runs {@code use} with the password, which is wiped from memory afterwards. */
        <T> T withPassword(Map<String, String> environment, Function<char[], T> use) {
            char[] password = KeyPassword.resolve(passwordFile, KeyPassword.ENVIRONMENT_VARIABLE, environment);
            try {
                return use.apply(password);
            } finally {
                Arrays.fill(password, '\0');
            }
        }

        /** Decrypts the key; a wrong password fails here, not at the first transaction. */
        Credentials unlock(Map<String, String> environment) {
            return withPassword(environment, password -> Keystore.unlock(keystore, password));
        }
    }

    /** What the keys subcommands share: where to print, and the parent's environment. */
    abstract static class KeysSubcommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @ParentCommand
        KeysCommand parent;

        @Mixin
        KeyOptions key;

        @Override
        public Integer call() {
            return withKeyProblems(spec, () -> {
                spec.commandLine().getOut().println(address());
                return 0;
            });
        }

        abstract String address();
    }

    @Command(name = "new", description = "Create a new key in a new keystore file and print its address.")
    static class New extends KeysSubcommand {
        @Option(names = "--light", description = "light scrypt parameters, for development keys only")
        boolean light;

        @Override
        String address() {
            return key.withPassword(parent.environment,
                    password -> Keystore.create(key.keystore, password, light ? Keystore.Strength.LIGHT : Keystore.Strength.STANDARD));
        }
    }

    @Command(name = "address", description = "Unlock a keystore with its password and print the account address.")
    static class Address extends KeysSubcommand {
        @Override
        String address() {
            return key.unlock(parent.environment).getAddress();
        }
    }

    /** Runs {@code work}; a keystore problem becomes its message on stderr and exit code 2. */
    static int withKeyProblems(CommandSpec spec, Callable<Integer> work) {
        try {
            return work.call();
        } catch (KeystoreException e) {
            spec.commandLine().getErr().println("energyweb: " + e.getMessage());
            return KEY_PROBLEM;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
