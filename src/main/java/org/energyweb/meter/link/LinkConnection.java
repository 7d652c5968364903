package org.energyweb.meter.link;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;

/** One open line to a meter; closing it ends a read blocked on it. */
public interface LinkConnection extends Closeable {

    InputStream input() throws IOException;

    OutputStream output() throws IOException;

    /** How long a read waits for a byte before it throws an {@link java.io.InterruptedIOException}. */
    void readTimeout(Duration timeout) throws IOException;

    @Override
    void close();
}
