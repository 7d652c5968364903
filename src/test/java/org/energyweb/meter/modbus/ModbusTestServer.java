package org.energyweb.meter.modbus;

import com.ghgande.j2mod.modbus.ModbusException;
import com.ghgande.j2mod.modbus.procimg.IllegalAddressException;
import com.ghgande.j2mod.modbus.procimg.InputRegister;
import com.ghgande.j2mod.modbus.procimg.Register;
import com.ghgande.j2mod.modbus.procimg.SimpleProcessImage;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import com.ghgande.j2mod.modbus.slave.ModbusSlave;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveFactory;
import org.energyweb.peers.PeerProcess;

import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A real Modbus TCP server (a j2mod slave) on a free loopback port, serving a sparse register image:
 * reading an address that holds no register answers with Modbus exception 2 (illegal data address),
 * as real meters do. Holding and input registers share the image. Clients connect through a
 * {@link TcpRelay}, so {@link #stop()} really drops their connections (a j2mod slave that is closed
 * keeps serving the connections it has).
 */
public final class ModbusTestServer implements AutoCloseable {

    private final int port;
    private final SparseRegisters registers = new SparseRegisters();
    private final ModbusSlave slave;
    /** Null when clients talk to the slave directly (the benchmark's farm, which never drops links). */
    private final TcpRelay link;

    private ModbusTestServer(int port, int unitId, boolean relayed) {
        this.port = port;
        int slavePort = relayed ? PeerProcess.freeLoopbackPort() : port;
        try {
            slave = ModbusSlaveFactory.createTCPSlave(InetAddress.getLoopbackAddress(), slavePort, 4, false);
            slave.addProcessImage(unitId, registers);
            slave.open();
        } catch (ModbusException e) {
            throw new IllegalStateException("Modbus test server did not start on port " + slavePort, e);
        }
        this.link = relayed ? new TcpRelay(port, slavePort) : null;
    }

    /** A server whose connections can be dropped with {@link #stop()}. */
    public static ModbusTestServer start(int unitId) {
        return new ModbusTestServer(PeerProcess.freeLoopbackPort(), unitId, true);
    }

    /** A server listening directly on {@code port}, without the relay that {@link #stop()} needs. */
    public static ModbusTestServer startDirect(int port, int unitId) {
        return new ModbusTestServer(port, unitId, false);
    }

    public int port() {
        return port;
    }

    public String hostAndPort() {
        return "127.0.0.1:" + port;
    }

    /** Writes 16-bit words starting at the 0-based address. */
    public ModbusTestServer set(int address, int... words) {
        for (int i = 0; i < words.length; i++) {
            registers.words.put(address + i, words[i] & 0xFFFF);
        }
        return this;
    }

    public ModbusTestServer set(RegisterImage image) {
        image.words().forEach((address, word) -> registers.words.put(address, word));
        return this;
    }

    /** Drops the open connections and refuses new ones, as a meter that is switched off. */
    public void stop() {
        requireRelay().cut();
    }

    /** Accepts connections again on the same port, as a meter that came back. */
    public void restart() {
        requireRelay().restore();
    }

    private TcpRelay requireRelay() {
        if (link == null) {
            throw new IllegalStateException("a server started without relay cannot drop its connections");
        }
        return link;
    }

    @Override
    public void close() {
        if (link != null) {
            link.close();
        }
        ModbusSlaveFactory.close(slave);
    }

    private static final class SparseRegisters extends SimpleProcessImage {

        private final Map<Integer, Integer> words = new ConcurrentHashMap<>();

        @Override
        public Register[] getRegisterRange(int offset, int count) {
            Register[] range = new Register[count];
            for (int i = 0; i < count; i++) {
                range[i] = getRegister(offset + i);
            }
            return range;
        }

        @Override
        public Register getRegister(int address) {
            Integer word = words.get(address);
            if (word == null) {
                throw new IllegalAddressException("no register at " + address);
            }
            return new SimpleRegister(word);
        }

        @Override
        public InputRegister[] getInputRegisterRange(int offset, int count) {
            return getRegisterRange(offset, count);
        }

        @Override
        public InputRegister getInputRegister(int address) {
            return getRegister(address);
        }

        @Override
        public int getRegisterCount() {
            return 65536;
        }

        @Override
        public int getInputRegisterCount() {
            return 65536;
        }
    }
}
