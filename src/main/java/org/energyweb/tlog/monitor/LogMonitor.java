package org.energyweb.tlog.monitor;

import org.energyweb.proof.MerkleConsistency;
import org.energyweb.proof.MerkleProofs;
import org.energyweb.tlog.Checkpoint;
import org.energyweb.tlog.DurableFiles;
import org.energyweb.tlog.NoteVerifier;
import org.energyweb.tlog.SignedNote;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Watches a log served at c2sp.org/tlog-tiles paths ({@code <prefix>checkpoint}, {@code <prefix>tile/...}):
 * each look fetches the checkpoint, checks the log key's signature (signed-note "Signatures"), that the tiles
 * give the checkpoint's root, and that the checkpoint extends the last one this monitor accepted, by an RFC 9162
 * consistency proof (2.1.4) computed from the tiles. A log that shows this monitor another history than
 * before (a split view, a rewritten or shrunk tree) fails that proof. The last accepted checkpoint is kept
 * in a state folder, so the comparison spans runs.
 */
public final class LogMonitor {

    /** What one look found: whether the log is consistent, and what it found either way. */
    public record Report(boolean consistent, String message) {
    }

    private static final String SEEN = "last-seen-checkpoint";

    private final URI prefix;
    private final NoteVerifier logKey;
    private final DurableFiles state;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** @param prefix the log's URL prefix, e.g. {@code http://127.0.0.1:9876/log/} */
    public LogMonitor(URI prefix, NoteVerifier logKey, Path stateDir) {
        this.prefix = prefix.toString().endsWith("/") ? prefix : URI.create(prefix + "/");
        this.logKey = logKey;
        this.state = new DurableFiles(stateDir);
    }

    /** The checkpoint this monitor last accepted, if any. */
    public Optional<Checkpoint> lastSeen() {
        return state.read(SEEN).map(bytes -> Checkpoint.parse(new String(bytes, StandardCharsets.UTF_8)));
    }

    /**
     * Fetches and checks the log's current checkpoint, and remembers it when it is consistent.
     *
     * @throws UncheckedIOException when the log cannot be reached (no finding either way)
     */
    public Report check() {
        SignedNote note;
        Checkpoint checkpoint;
        try {
            note = SignedNote.parse(fetchCheckpoint());
            checkpoint = Checkpoint.parse(note.text());
        } catch (IllegalArgumentException e) {
            return new Report(false, "the log serves no well-formed checkpoint: " + e.getMessage());
        }
        String named = "checkpoint " + checkpoint.origin() + " size " + checkpoint.size();
        if (!checkpoint.origin().equals(logKey.name())) {
            return new Report(false, named + " is not of the log " + logKey.name());
        }
        try {
            note.verifiedBy(List.of(logKey));
        } catch (IllegalArgumentException e) {
            return new Report(false, named + " is not signed by the log key: " + e.getMessage());
        }
        RemoteTiles tiles = new RemoteTiles(http, prefix, checkpoint.size());
        try {
            if (!Arrays.equals(MerkleProofs.root(tiles, checkpoint.size()), checkpoint.root())) {
                return new Report(false, named + ": the log's tiles do not give its root");
            }
            Optional<Checkpoint> seen = lastSeen();
            if (seen.isPresent()) {
                Checkpoint last = seen.get();
                if (checkpoint.size() < last.size()) {
                    return new Report(false, named + " is smaller than size " + last.size() + " seen before: the log shrank");
                }
                List<byte[]> proof = MerkleProofs.consistencyProof(tiles, last.size(), checkpoint.size());
                if (!MerkleConsistency.verify(last.size(), checkpoint.size(), last.root(), checkpoint.root(), proof)) {
                    return new Report(false, named + " is inconsistent with size " + last.size() + " seen before"
                            + " (a split view: the log shows another history than it showed this monitor)");
                }
            }
        } catch (IllegalStateException e) {
            return new Report(false, named + ": " + e.getMessage());
        }
        state.write(SEEN, new Checkpoint(checkpoint.origin(), checkpoint.size(), checkpoint.root()).text().getBytes(StandardCharsets.UTF_8));
        state.sync();
        return new Report(true, named + " is signed by the log key and consistent with every checkpoint seen before");
    }

    private String fetchCheckpoint() {
        URI url = prefix.resolve("checkpoint");
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                throw new UncheckedIOException(new IOException("GET " + url + " answered " + response.statusCode()));
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot fetch " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted fetching " + url, e);
        }
    }
}
