package org.energyweb.tlog;

import org.energyweb.ledger.CommittedAppend;
import org.energyweb.ledger.Ledger;
import org.energyweb.ledger.LedgerEntry;
import org.energyweb.proof.MerkleHash;
import org.energyweb.proof.MerkleProofs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The gateway's transparency log kept alongside its ledger, under {@code DATA/log}: leaf i is the
 * i-th reading in ledger order (position order), its leaf input the reading document's SHA-256. The
 * ledger tells the log of each commit ({@link Ledger#onCommittedAppends}); a follower thread appends
 * and commits tiles, so the ledger's writer never waits for the log. The log's committed state names
 * the last ledger position it holds, so on open it reads back whatever it missed (a kill between the
 * ledger's commit and its own) and, when its tiles are damaged or do not match the ledger, rebuilds
 * them from the ledger: the leaves are a pure function of the ledger, so the rebuilt log is the same
 * log and stays consistent with every checkpoint signed before.
 */
public final class LedgerLog implements AutoCloseable {

    public static final String DIRECTORY = "log";
    /** tlog-tiles "Checkpoints": the latest signed checkpoint is served at {@code <prefix>/checkpoint}. */
    public static final String CHECKPOINT_FILE = "checkpoint";
    private static final int CATCH_UP_CHUNK = 10_000;

    private final Ledger ledger;
    private final Path directory;
    private final TileLog tiles;
    private final LinkedBlockingQueue<List<LedgerEntry>> committed = new LinkedBlockingQueue<>();
    private final Thread follower;
    private long lastPosition;
    private volatile boolean stopping;
    private volatile RuntimeException failure;
    private Runnable unsubscribe = () -> { };

    private LedgerLog(Ledger ledger, Path directory, TileLog tiles) {
        this.ledger = ledger;
        this.directory = directory;
        this.tiles = tiles;
        this.lastPosition = tiles.committedMark();
        this.follower = new Thread(this::follow, "energyweb-log-follower");
        this.follower.setDaemon(true);
    }

    /** Opens (creating, catching up or rebuilding as needed) the log of {@code ledger}'s data folder and starts following it. */
    public static LedgerLog open(Ledger ledger) {
        Path directory = ledger.dataDir().resolve(DIRECTORY);
        TileLog tiles = openMatching(ledger, directory);
        LedgerLog log = new LedgerLog(ledger, directory, tiles);
        // Listen first, then catch up: a reading committed in between is in both and skipped once by position.
        log.unsubscribe = ledger.onCommittedAppends(appends -> log.committed.add(appends.stream().map(CommittedAppend::entry).toList()));
        log.catchUp();
        log.follower.start();
        return log;
    }

    /** The tiles in {@code directory} if they hold a prefix of the ledger, else the tiles rebuilt empty. */
    private static TileLog openMatching(Ledger ledger, Path directory) {
        try {
            TileLog tiles = TileLog.open(directory);
            if (holdsPrefixOf(tiles, ledger)) {
                return tiles;
            }
        } catch (IllegalStateException | IllegalArgumentException e) {
            // Damaged: rebuilt below from the ledger, which is the source of truth.
        }
        deleteTiles(directory);
        return TileLog.open(directory);
    }

    /** Whether the log's last leaf is the ledger's reading at the position the log says it came from. */
    private static boolean holdsPrefixOf(TileLog tiles, Ledger ledger) {
        long size = tiles.committedSize();
        if (size == 0) {
            return tiles.committedMark() == 0;
        }
        Optional<LedgerEntry> last = ledger.at(tiles.committedMark());
        return last.isPresent() && Arrays.equals(tiles.hash(0, size - 1), MerkleHash.leaf(last.get().document().sha256()));
    }

    private static void deleteTiles(Path directory) {
        try {
            Files.deleteIfExists(directory.resolve(TileLog.SIZE_FILE));
            Path tileDir = directory.resolve("tile");
            if (Files.exists(tileDir)) {
                try (Stream<Path> walk = Files.walk(tileDir)) {
                    for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear the damaged log in " + directory, e);
        }
    }

    private void catchUp() {
        while (true) {
            List<LedgerEntry> missed = ledger.after(lastPosition, CATCH_UP_CHUNK);
            if (missed.isEmpty()) {
                break;
            }
            appendAll(missed);
            tiles.commitAsync(lastPosition);
        }
        tiles.commit(lastPosition);
    }

    private void appendAll(List<LedgerEntry> entries) {
        for (LedgerEntry entry : entries) {
            if (entry.position() > lastPosition) {
                tiles.append(entry.document().sha256());
                lastPosition = entry.position();
            }
        }
    }

    private void follow() {
        List<List<LedgerEntry>> drained = new ArrayList<>();
        try {
            while (!stopping || !committed.isEmpty()) {
                List<LedgerEntry> first = committed.poll(50, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                drained.add(first);
                committed.drainTo(drained);
                drained.forEach(this::appendAll);
                drained.clear();
                // The next batch is appended while this one's tiles are forced; awaitSize hears when they are durable.
                tiles.commitAsync(lastPosition).whenComplete((done, failed) -> {
                    if (failed != null) {
                        Throwable cause = failed instanceof CompletionException && failed.getCause() != null ? failed.getCause() : failed;
                        failure = cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
                    }
                    synchronized (this) {
                        notifyAll();
                    }
                });
            }
            tiles.commit(lastPosition);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // The ledger is unaffected; the log stops growing and is repaired from the ledger on the next open.
            failure = e;
            synchronized (this) {
                notifyAll();
            }
        }
    }

    public TileLog tiles() {
        return tiles;
    }

    /** How many leaves the log holds durably. */
    public long size() {
        return tiles.committedSize();
    }

    /** Waits until the log durably holds at least {@code leaves} leaves. */
    public synchronized void awaitSize(long leaves) throws InterruptedException {
        while (tiles.committedSize() < leaves) {
            if (failure != null) {
                throw new IllegalStateException("the log stopped following the ledger: " + failure.getMessage(), failure);
            }
            wait(100);
        }
    }

    /** Waits until the log durably holds every reading the ledger has committed (call it while appends pause). */
    public synchronized void awaitLedger() throws InterruptedException {
        while (!ledger.after(tiles.committedMark(), 1).isEmpty()) {
            if (failure != null) {
                throw new IllegalStateException("the log stopped following the ledger: " + failure.getMessage(), failure);
            }
            wait(100);
        }
    }

    /**
     * Signs a checkpoint of the log's durable size with {@code key} (its name is the log's origin,
     * tlog-checkpoint "Signatures": the log's key name SHOULD match the origin line) and writes it to
     * {@code DATA/log/checkpoint}.
     */
    public SignedNote checkpoint(NoteSigner key) {
        long size = tiles.committedSize();
        Checkpoint checkpoint = new Checkpoint(key.name(), size, MerkleProofs.root(tiles, size));
        SignedNote note = SignedNote.sign(checkpoint.text(), key);
        publish(note);
        return note;
    }

    /** Writes {@code note} to {@code DATA/log/checkpoint}: a checkpoint just signed, or it again with witnesses' cosignatures. */
    public void publish(SignedNote note) {
        new DurableFiles(directory).write(CHECKPOINT_FILE, note.encoded().getBytes(StandardCharsets.UTF_8));
    }

    /** The last checkpoint this log signed, if any. */
    public Optional<SignedNote> latestCheckpoint() {
        return latestCheckpoint(ledger.dataDir());
    }

    /** The last checkpoint written to {@code dataDir}'s log, if any. */
    public static Optional<SignedNote> latestCheckpoint(Path dataDir) {
        return new DurableFiles(dataDir.resolve(DIRECTORY)).read(CHECKPOINT_FILE)
                .map(bytes -> SignedNote.parse(new String(bytes, StandardCharsets.UTF_8)));
    }

    /** Stops following after appending and committing everything the ledger has told it. */
    @Override
    public void close() {
        unsubscribe.run();
        stopping = true;
        try {
            follower.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
