package org.energyweb.ledger;

import org.energyweb.reading.ChainHead;
import org.energyweb.reading.Measurement;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The durable ledger of a data folder: one hash chain per meter in an embedded SQLite database
 * (WAL). An append completes only after the transaction holding it has committed; appends from
 * many threads are grouped into shared transactions. One process owns a data folder at a time.
 * <p>
 * A facade over the folder's lifecycle ({@link LedgerStore}: lock, open, close), its appender
 * ({@link LedgerAppender}: chain heads, group commit) and its reader ({@link LedgerReader}).
 */
public final class Ledger implements AutoCloseable {

    private final LedgerStore store;
    private final LedgerAppender appender;
    private final LedgerReader reader;
    private final DeadLetters deadLetters;
    private final Hops hops;
    private final Settings settings;
    private final NonceStore nonces;
    private final Batches batches;

    private Ledger(LedgerStore store, LedgerLimits limits) throws SQLException {
        this.store = store;
        this.appender = new LedgerAppender(store, limits);
        this.reader = new LedgerReader(store.dataDir());
        this.deadLetters = new DeadLetters(appender, reader, limits);
        this.hops = new Hops(appender, reader);
        this.settings = new Settings(appender, reader);
        this.nonces = new NonceStore(appender, reader);
        this.batches = new Batches(store.dataDir(), appender);
    }

    /**
     * Opens (creating if needed) the ledger in {@code dataDir}.
     *
     * @throws LedgerException with a clear reason when the folder cannot be written, is in use by
     *                         another process, or holds something that is not a ledger
     */
    public static Ledger open(Path dataDir) {
        return open(dataDir, LedgerLimits.DEFAULT);
    }

    /** Opens the ledger in {@code dataDir} with the given bounds on its dead letters and size. */
    public static Ledger open(Path dataDir, LedgerLimits limits) {
        return LedgerStore.open(dataDir, store -> new Ledger(store, limits));
    }

    /**
     * Places the measurement at the end of its meter's chain. The future completes once the
     * reading is committed to disk, and fails if it could not be.
     *
     * @throws IllegalArgumentException when the measurement cannot become a reading (a down meter
     *                                  with nothing to carry forward)
     */
    public CompletableFuture<LedgerEntry> append(Measurement measurement) {
        return appender.append(measurement, null);
    }

    /** Appends and returns once the reading is committed. */
    public LedgerEntry appendAndWait(Measurement measurement) {
        return LedgerAppender.await(append(measurement));
    }

    /**
     * Registers {@code listener} to be told, on the writer thread and in position order, of the
     * readings of every transaction right after it committed and before their appends complete, so a
     * follower such as the transparency log never misses or reorders one, and metrics can time each
     * append. The listener must be quick and must not throw; what it has not seen (readings committed
     * before it registered, or before a crash) it reads back with {@link #after}.
     *
     * @return what unregisters the listener
     */
    public Runnable onCommittedAppends(AppendListener listener) {
        return appender.onCommittedAppends(listener);
    }

    /**
     * Why the ledger cannot take appends now (closed, or stopped after a failed commit), or empty when
     * it can: what a health check reports.
     */
    public Optional<String> unhealthyReason() {
        return appender.unhealthyReason();
    }

    /**
     * The meter's newest committed reading. A reading whose append has not committed yet is not
     * shown, so whatever {@code head} returns can be read back with {@link #find} at once.
     */
    public Optional<ChainHead> head(String meter) {
        return appender.head(meter);
    }

    /** Every meter's newest committed reading, as {@link #head} defines it. */
    public Map<String, ChainHead> heads() {
        return appender.heads();
    }

    public Optional<LedgerEntry> find(String meter, long seq) {
        return reader.find(meter, seq);
    }

    /**
     * The reading whose document has this SHA-256, found through the reading_sha256 index.
     */
    public Optional<LedgerEntry> findBySha256(byte[] sha256) {
        return reader.findBySha256(sha256);
    }

    public Optional<LedgerEntry> at(long position) {
        return reader.at(position);
    }

    /** Every reading after {@code afterPosition} in append order, up to {@code limit}. */
    public List<LedgerEntry> after(long afterPosition, int limit) {
        return reader.after(afterPosition, limit);
    }

    /** Visits every reading, meter by meter in chain order. */
    public void forEachByMeter(Consumer<LedgerEntry> visitor) {
        reader.forEachByMeter(visitor);
    }

    public long size() {
        return appender.size();
    }

    public DeadLetters deadLetters() {
        return deadLetters;
    }

    public Hops hops() {
        return hops;
    }

    public Settings settings() {
        return settings;
    }

    public NonceStore nonces() {
        return nonces;
    }

    public Batches batches() {
        return batches;
    }

    public Path dataDir() {
        return store.dataDir();
    }

    /** Commits what is queued, checkpoints the WAL into the database file, then releases the data folder. */
    @Override
    public void close() {
        if (appender.close()) {
            store.close();
        }
    }
}
