package org.energyweb.fleet.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * One connection to the anchor service's database, used by one worker thread, with the two things
 * every store needs: a unit of work in one transaction (rolled back on any failure, the connection
 * reopened when the server ended it) and the partition fence.
 */
final class Session implements AutoCloseable {

    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final String jdbcUrl;
    private Connection connection;

    Session(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
        try {
            connection = connect();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the anchor service's database: " + e.getMessage(), e);
        }
    }

    <T> T inTransaction(Work<T> work) {
        try {
            if (connection.isClosed()) {
                connection = connect();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("anchor service database unreachable: " + e.getMessage(), e);
        }
        try {
            T result = work.run(connection);
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException lost) {
                // the session is gone (ended by the server, network): the next call opens a new one
                closeQuietly();
            }
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("anchor service database: " + e.getMessage(), e);
        }
    }

    /**
     * Locks the partition's row for this transaction and checks the epoch: the fence. Returns the size of the
     * partition's log (its accepted readings), which only the lock holder changes.
     */
    long lockAsOwner(Connection connection, PartitionClaim claim) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT epoch, log_size FROM fleet_partition WHERE topic = ? AND partition = ? FOR UPDATE")) {
            select.setString(1, claim.topic());
            select.setInt(2, claim.partition());
            try (ResultSet rs = select.executeQuery()) {
                long current = rs.next() ? rs.getLong(1) : -1;
                if (current != claim.epoch()) {
                    throw new FencedException(claim.topic(), claim.partition(), claim.epoch(), current);
                }
                return rs.getLong(2);
            }
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot close the anchor service's database connection: " + e.getMessage(), e);
        }
    }

    /**
     * A worker frozen inside a transaction (SIGSTOP, a long GC pause) would hold its partition's row lock
     * and stall the worker that takes the partition over: the server ends such a session after a while,
     * which rolls its transaction back and releases the lock; the frozen worker finds its connection gone.
     */
    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        // a JDBC batch of inserts goes to the server as multi-row INSERTs, not one statement per row
        properties.setProperty("reWriteBatchedInserts", "true");
        Connection opened = DriverManager.getConnection(jdbcUrl, properties);
        try (Statement statement = opened.createStatement()) {
            statement.execute("SET idle_in_transaction_session_timeout = '2s'");
        }
        opened.setAutoCommit(false);
        return opened;
    }

    private void closeQuietly() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // already unusable
        }
    }
}
