package org.energyweb.chain.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KeysCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(Map<String, String> environment, String... args) {
        CommandLine command = new CommandLine(new KeysCommand(environment));
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }

    private Path passwordFile(String password) throws Exception {
        Path file = dir.resolve("password-" + password.hashCode());
        Files.writeString(file, password + "\n");
        return file;
    }

    @Test
    void newPrintsTheAddressAndAddressPrintsItAgain() throws Exception {
        Path keystore = dir.resolve("gateway.json");
        assertThat(run(Map.of(), "new", "--light", "--keystore", keystore.toString(), "--password-file", passwordFile("s3cret").toString())).isZero();
        String address = out.toString().trim();
        assertThat(address).matches("0x[0-9a-f]{40}");

        out.getBuffer().setLength(0);
        assertThat(run(Map.of(), "address", "--keystore", keystore.toString(), "--password-file", passwordFile("s3cret").toString())).isZero();
        assertThat(out.toString().trim()).isEqualTo(address);
    }

    @Test
    void thePasswordComesFromTheEnvironmentWhenNoFileIsGiven() {
        Path keystore = dir.resolve("gateway.json");
        Map<String, String> environment = Map.of("ENERGYWEB_KEY_PASSWORD", "from-env");
        assertThat(run(environment, "new", "--light", "--keystore", keystore.toString())).isZero();
        assertThat(run(environment, "address", "--keystore", keystore.toString())).isZero();
    }

    @Test
    void aWrongPasswordExitsWith2AndAClearMessage() throws Exception {
        Path keystore = dir.resolve("gateway.json");
        run(Map.of(), "new", "--light", "--keystore", keystore.toString(), "--password-file", passwordFile("right").toString());
        int exit = run(Map.of(), "address", "--keystore", keystore.toString(), "--password-file", passwordFile("wrong").toString());
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("wrong password for keystore").doesNotContain("wrong\n").doesNotContain("right");
    }

    @Test
    void aMissingKeystoreExitsWith2() throws Exception {
        int exit = run(Map.of(), "address", "--keystore", dir.resolve("none.json").toString(), "--password-file", passwordFile("x").toString());
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("does not exist");
    }

    @Test
    void aMalformedKeystoreExitsWith2() throws Exception {
        Path keystore = dir.resolve("bad.json");
        Files.writeString(keystore, "{\"version\":3}");
        int exit = run(Map.of(), "address", "--keystore", keystore.toString(), "--password-file", passwordFile("x").toString());
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("is malformed");
    }

    @Test
    void noPasswordAtAllExitsWith2() {
        int exit = run(Map.of(), "new", "--keystore", dir.resolve("k.json").toString());
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("set ENERGYWEB_KEY_PASSWORD or give a password file");
    }
}
