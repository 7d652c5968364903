package org.energyweb.ipfs.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.energyweb.ipfs.cid.Cid;
import org.energyweb.ipfs.cid.Multihash;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CidCommandTest {

    @TempDir
    Path folder;

    private final CommandRun command = new CommandRun();
    private final StringWriter out = command.out;
    private final StringWriter err = command.err;

    private int run(String... arguments) {
        return command.execute(new CidCommand(), arguments);
    }

    private Path helloSmartMeter() throws Exception {
        return Files.writeString(folder.resolve("reading.json"), "hello smart meter\n", UTF_8);
    }

    @Test
    void printsTheCidIpfsAddGivesByDefault() throws Exception {
        int exit = run(helloSmartMeter().toString());

        assertThat(exit).isZero();
        assertThat(out).hasToString("QmS8qjkgQDxGXeL3qsHKXvTf3bZXtTBrYmE3nxxVvMnuLx" + System.lineSeparator());
    }

    @Test
    void cidVersion1OfASmallFileIsItsRawSha256Cid() throws Exception {
        String expected = Cid.ofRawSha256(Multihash.newSha256().digest("hello smart meter\n".getBytes(UTF_8))).toString();

        int exit = run(helloSmartMeter().toString(), "--cid-version", "1");

        assertThat(exit).isZero();
        assertThat(out.toString().trim()).isEqualTo(expected);
    }

    @Test
    void missingFileExitsWith2AndSaysWhy() {
        int exit = run(folder.resolve("absent.json").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("cannot read").contains("absent.json");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void cidVersionOtherThan0Or1IsAUsageError() throws Exception {
        int exit = run(helloSmartMeter().toString(), "--cid-version", "2");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--cid-version must be 0 or 1");
    }

    @Test
    void noFileIsAUsageError() {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString()).contains("FILE");
    }
}
