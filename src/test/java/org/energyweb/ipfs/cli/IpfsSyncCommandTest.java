package org.energyweb.ipfs.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Path;
import org.energyweb.ipfs.IpfsPeer;
import org.energyweb.ipfs.cid.Cid;
import org.energyweb.ipfs.cid.UnixFs;
import org.energyweb.ipfs.cid.UnixFsOptions;
import org.energyweb.ipfs.store.LocalBlockStore;
import org.energyweb.peers.PeerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class IpfsSyncCommandTest {

    @RegisterExtension
    static final IpfsPeer IPFS = new IpfsPeer();

    @TempDir
    Path data;

    private final CommandRun command = new CommandRun();
    private final StringWriter out = command.out;
    private final StringWriter err = command.err;

    private int run(String... arguments) {
        return command.execute(new IpfsSyncCommand(), arguments);
    }

    private Cid keep(String text) {
        byte[] document = text.getBytes(UTF_8);
        Cid cid = UnixFs.cidOf(document, UnixFsOptions.forCidVersion(1));
        new LocalBlockStore(data.resolve(IpfsSyncCommand.PENDING_FOLDER)).put(document, cid);
        return cid;
    }

    @Test
    void pushesWhatIsPendingAndExits0() {
        Cid cid = keep("{\"meter\":\"cli-sync\",\"seq\":1}");

        int exit = run("--data", data.toString(), "--api", IPFS.apiUrl());

        assertThat(exit).isZero();
        assertThat(out.toString()).startsWith("pushed 1, rejected 0, remaining 0");
        assertThat(IPFS.client().isPinned(cid)).isTrue();
    }

    @Test
    void unreachableNodeLeavesTheDocumentsAndExits1() {
        keep("{\"meter\":\"cli-sync\",\"seq\":2}");

        int exit = run("--data", data.toString(), "--api", "http://127.0.0.1:" + PeerProcess.freeLoopbackPort());

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).contains("remaining 1 (stopped: UNREACHABLE)");
    }

    @Test
    void plainHttpToARemoteNodeExits2() {
        int exit = run("--data", data.toString(), "--api", "http://ipfs.example.org:5001");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("refusing plain HTTP");
    }
}
