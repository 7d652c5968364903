package org.energyweb.meter.sml;

import org.openmuc.jsml.structures.SmlFile;
import org.openmuc.jsml.transport.Transport;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

/**
 * The SML files of a byte stream, framed and checked by jSML's transport (escape sequences, the file's CRC-16 and
 * each message's). Keeps the bytes of the file being read, so that a file that fails its checks can be carried by
 * its fault.
 */
final class SmlFileStream {

    /** jSML reports a stream that stayed silent with this message; every other IOException of its is about the bytes. */
    private static final String JSML_TIMEOUT = "Timeout";

    private final Recording recording;
    private final DataInputStream in;
    private final Transport transport = new Transport();

    SmlFileStream(InputStream in, Duration timeout) {
        this.recording = new Recording(in);
        this.in = new DataInputStream(recording);
        transport.setTimeout(Math.toIntExact(timeout.toMillis()));
    }

    /**
     * @throws SmlFormatException when the file fails its checks
     * @throws IOException        when the stream failed or stayed silent
     */
    SmlFile next() throws IOException, SmlFormatException {
        recording.bytes.reset();
        recording.failure = null;
        try {
            return transport.getSMLFile(in);
        } catch (IOException e) {
            if (JSML_TIMEOUT.equals(e.getMessage())) {
                throw new IOException("no SML file within the read timeout", e);
            }
            if (recording.failure != null) {
                throw recording.failure;
            }
            throw new SmlFormatException("SML file rejected: " + e.getMessage());
        } catch (RuntimeException e) {
            // jSML decodes lengths and tags as they come; bytes that are no SML at all may fail anywhere in it.
            throw new SmlFormatException("SML file undecodable: " + e);
        }
    }

    /** The bytes of the last file read (or of the one that failed). */
    byte[] lastBytes() {
        return recording.bytes.toByteArray();
    }

    private static final class Recording extends FilterInputStream {

        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private IOException failure;

        Recording(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = record(() -> super.read());
            if (b >= 0) {
                bytes.write(b);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = record(() -> super.read(buffer, offset, length));
            if (n > 0) {
                bytes.write(buffer, offset, n);
            }
            return n;
        }

        @Override
        public int available() throws IOException {
            return record(super::available);
        }

        private int record(IoCall call) throws IOException {
            try {
                return call.run();
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }

        @FunctionalInterface
        private interface IoCall {
            int run() throws IOException;
        }
    }
}
