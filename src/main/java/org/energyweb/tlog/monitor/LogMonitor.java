package org.energyweb.tlog.monitor;

import org.energyweb.tlog.Checkpoint;
import org.energyweb.tlog.DurableFiles;
import org.energyweb.tlog.NoteVerifier;

import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Watches a log served at c2sp.org/tlog-tiles paths ({@code <prefix>checkpoint}, {@code <prefix>tile/...}):
 * each look fetches the checkpoint, checks the log key's signature (signed-note "Signatures"), that the tiles
 * give the checkpoint's root, and that the checkpoint extends the last one this monitor accepted, by an RFC 9162
 * consistency proof (2.1.4) computed from the tiles ({@link TreeCheck}). A log that shows this monitor another
 * history than before (a split view, a rewritten or shrunk tree) fails that proof. The last accepted checkpoint
 * is kept in a state folder, so the comparison spans runs.
 */
public final class LogMonitor {

    /** What one look found: whether the log is consistent, and what it found either way. */
    public record Report(boolean consistent, String message) {
    }

    private static final String SEEN = "last-seen-checkpoint";

    private final TileSource source;
    private final NoteVerifier logKey;
    private final DurableFiles state;

    /** @param prefix the log's URL prefix, e.g. {@code http://127.0.0.1:9876/log/} (plain http on loopback only) */
    public LogMonitor(URI prefix, NoteVerifier logKey, Path stateDir) {
        this(TileSource.served(prefix, false), logKey, stateDir);
    }

    public LogMonitor(TileSource source, NoteVerifier logKey, Path stateDir) {
        this.source = source;
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
        LogHead.Result read = LogHead.read(source, logKey);
        if (read.head() == null) {
            return new Report(false, read.finding());
        }
        Checkpoint checkpoint = read.head().checkpoint();
        String named = "checkpoint " + checkpoint.origin() + " size " + checkpoint.size();
        Optional<Checkpoint> seen = lastSeen();
        if (seen.isPresent()) {
            Checkpoint last = seen.get();
            if (checkpoint.size() < last.size()) {
                return new Report(false, named + " is smaller than size " + last.size() + " seen before: the log shrank");
            }
            try {
                Optional<String> problem = TreeCheck.problem(read.head().tiles(), seen, "size " + last.size() + " seen before", checkpoint);
                if (problem.isPresent()) {
                    return new Report(false, named + " " + problem.get());
                }
            } catch (IllegalStateException e) {
                return new Report(false, named + ": " + e.getMessage());
            }
        }
        state.write(SEEN, new Checkpoint(checkpoint.origin(), checkpoint.size(), checkpoint.root()).text().getBytes(StandardCharsets.UTF_8));
        state.sync();
        return new Report(true, named + " is signed by the log key and consistent with every checkpoint seen before");
    }
}
