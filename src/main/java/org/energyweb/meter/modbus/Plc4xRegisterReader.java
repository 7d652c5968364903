package org.energyweb.meter.modbus;

import org.apache.plc4x.java.api.PlcConnection;
import org.apache.plc4x.java.api.PlcConnectionManager;
import org.apache.plc4x.java.api.PlcDriverManager;
import org.apache.plc4x.java.api.exceptions.PlcConnectionException;
import org.apache.plc4x.java.api.messages.PlcReadResponse;
import org.apache.plc4x.java.api.types.PlcResponseCode;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads registers over one PLC4X Modbus TCP connection of its own. A failed transport (refused, timed
 * out, dropped) closes the connection, and the next read connects again: that is how a restarted
 * meter or a broken link is recovered without any reconnect loop.
 *
 * <p>Not thread-safe: one reader belongs to one meter's poller.
 */
public final class Plc4xRegisterReader implements RegisterReader, AutoCloseable {

    /** Modbus allows at most 125 registers in one read request. */
    static final int MAX_REGISTERS_PER_REQUEST = 125;
    private static final String TAG = "registers";

    private final ModbusAddress address;
    private final PlcConnectionManager connections;
    private PlcConnection connection;

    public Plc4xRegisterReader(ModbusAddress address) {
        this.address = address;
        this.connections = PlcDriverManager.getDefault().getConnectionManager();
    }

    @Override
    public int[] read(RegisterTable table, int start, int count) throws ModbusReadException {
        if (start < 0 || count < 1 || start + count > 65536) {
            throw new ModbusReadException("registers " + start + ".." + (start + count - 1) + " are outside 0-65535", true, null, null);
        }
        int[] registers = new int[count];
        for (int done = 0; done < count; done += MAX_REGISTERS_PER_REQUEST) {
            int chunk = Math.min(MAX_REGISTERS_PER_REQUEST, count - done);
            System.arraycopy(readChunk(table, start + done, chunk), 0, registers, done, chunk);
        }
        return registers;
    }

    private int[] readChunk(RegisterTable table, int start, int count) throws ModbusReadException {
        String what = table.name().toLowerCase() + " registers " + start + ".." + (start + count - 1);
        PlcReadResponse response;
        try {
            response = connected().readRequestBuilder()
                    .addTagAddress(TAG, table.plc4xTag(start, count))
                    .build()
                    .execute()
                    // PLC4X times the request out itself; the margin only guards against a lost callback.
                    .get(address.timeout().toMillis() + 500, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw noAnswer(what, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TimeoutException) {
                throw noAnswer(what, e.getCause());
            }
            String reason = connectionLost() ? lostWhile(what) : "reading " + what + " failed: " + describe(e.getCause());
            disconnect();
            throw ModbusReadException.unreachable(reason, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModbusReadException("interrupted while reading " + what);
        }
        return registersOf(response, what, count);
    }

    private ModbusReadException noAnswer(String what, Throwable cause) {
        boolean lost = connectionLost();
        // A device that stopped answering may have dropped its side of the link: start afresh.
        disconnect();
        return ModbusReadException.unreachable(lost ? lostWhile(what)
                : "no answer to reading " + what + " within " + address.timeout().toMillis() + " ms", cause);
    }

    private boolean connectionLost() {
        return connection != null && !connection.isConnected();
    }

    private String lostWhile(String what) {
        return "connection to " + address.host() + ":" + address.port() + " lost while reading " + what;
    }

    private int[] registersOf(PlcReadResponse response, String what, int count) throws ModbusReadException {
        if (response == null || !response.getTagNames().contains(TAG)) {
            // What camel-plc4x turns into an empty map: the connection went away under the request.
            disconnect();
            throw ModbusReadException.unreachable("empty response to reading " + what + " (connection lost)", null);
        }
        PlcResponseCode code = response.getResponseCode(TAG);
        if (code == PlcResponseCode.INVALID_ADDRESS) {
            throw new ModbusReadException("Modbus exception 2 (illegal data address) reading " + what, true, null, null);
        }
        if (code != PlcResponseCode.OK) {
            // Modbus exception codes other than 2 (illegal function, device failure, busy...) as PLC4X names them.
            throw new ModbusReadException("device answered reading " + what + " with an error: " + code, false, null, null);
        }
        List<Integer> values = new ArrayList<>(response.getAllIntegers(TAG));
        if (values.size() != count) {
            disconnect();
            throw ModbusReadException.unreachable("reading " + what + " returned " + values.size() + " of " + count
                    + " registers (connection lost?)", null);
        }
        int[] registers = new int[count];
        for (int i = 0; i < count; i++) {
            registers[i] = values.get(i) & 0xFFFF;
        }
        return registers;
    }

    private PlcConnection connected() throws ModbusReadException {
        if (connection != null && connection.isConnected()) {
            return connection;
        }
        String wasLost = connection != null ? " (connection lost)" : "";
        disconnect();
        requireReachable(wasLost);
        String url = "modbus-tcp://" + address.host() + ":" + address.port()
                + "?default-unit-identifier=" + address.unitId()
                + "&request-timeout=" + address.timeout().toMillis();
        try {
            connection = connections.getConnection(url);
            return connection;
        } catch (PlcConnectionException | RuntimeException e) {
            throw ModbusReadException.unreachable("cannot connect to " + address.host() + ":" + address.port() + wasLost + ": " + describe(e), e);
        }
    }

    /**
     * PLC4X 0.13.1 prints a stack trace to stderr for every failed connect (NettyChannelFactory), so a
     * meter that is down, polled every second, would flood the log: a plain TCP connect goes first.
     */
    private void requireReachable(String wasLost) throws ModbusReadException {
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress(address.host(), address.port()), (int) address.timeout().toMillis());
        } catch (IOException e) {
            throw ModbusReadException.unreachable("cannot connect to " + address.host() + ":" + address.port() + wasLost + ": " + e.getMessage(), e);
        }
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
        return root == e ? message : e.getClass().getSimpleName() + ": " + message;
    }

    /**
     * Drops the connection without waiting: PLC4X's close blocks about 2 s while its Netty worker group
     * shuts down, which would stall this meter's next poll, and a gateway stopping 100 meters one after
     * the other for minutes.
     */
    private void disconnect() {
        if (connection != null) {
            PlcConnection broken = connection;
            connection = null;
            Thread closer = new Thread(() -> closeQuietly(broken), "modbus-close-" + address.host() + ":" + address.port());
            closer.setDaemon(true);
            closer.start();
        }
    }

    private static void closeQuietly(PlcConnection connection) {
        try {
            connection.close();
        } catch (Exception ignored) {
            // The link is already broken; closing is best effort.
        }
    }

    @Override
    public void close() {
        disconnect();
    }
}
