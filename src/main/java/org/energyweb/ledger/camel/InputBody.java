package org.energyweb.ledger.camel;

import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;
import org.apache.camel.component.file.GenericFile;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The body of an append as raw input: how large it is before anything reads it, and which file it
 * came from, so a dead letter can name the file and an oversized file is refused without being
 * loaded (a 1 GB file read whole would exhaust the heap and SQLite's blob limit, then loop).
 */
final class InputBody {

    static final long DEFAULT_MAX_BYTES = 1L << 20;
    static final String REFUSED = ".refused";

    private InputBody() {
    }

    /** The body's size in bytes when it is known without reading it (a file, bytes, text), else -1. */
    static long size(Message message) {
        Object body = message.getBody();
        if (body instanceof GenericFile<?> file) {
            return file.getFileLength();
        }
        if (body instanceof File file) {
            return file.length();
        }
        if (body instanceof Path path) {
            return path.toFile().length();
        }
        if (body instanceof byte[] bytes) {
            return bytes.length;
        }
        if (body instanceof String text) {
            return text.length();
        }
        return -1;
    }

    /** Turns a file body into its bytes, so it is parsed, and kept in a dead letter, as it came. */
    static void readFile(Message message) {
        Object body = message.getBody();
        if (body instanceof GenericFile<?> || body instanceof File || body instanceof Path) {
            try {
                message.setBody(message.getMandatoryBody(byte[].class));
            } catch (InvalidPayloadException e) {
                throw new IllegalArgumentException("the input file cannot be read: " + e.getMessage());
            }
        }
    }

    /**
     * Moves a refused input file into the {@value #REFUSED} folder beside it (hidden, so the inbox
     * never takes it again), keeping its bytes for the operator without reading them.
     *
     * @return where the file is now, for the dead letter's reason; empty when the body is no file or it cannot be moved
     */
    static String setAside(Message message) {
        if (!(message.getBody() instanceof GenericFile<?> generic) || !(generic.getFile() instanceof File file)) {
            return "";
        }
        Path from = file.toPath();
        Path to = from.resolveSibling(REFUSED).resolve(from.getFileName());
        try {
            Files.createDirectories(to.getParent());
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
            return "; the file is kept as " + to;
        } catch (IOException e) {
            return "; the file could not be kept (" + e.getMessage() + ")";
        }
    }

    /** "file NAME: " when the body came from a file (the file consumer's header), else "". */
    static String fileOf(Exchange exchange) {
        String name = exchange.getMessage().getHeader(Exchange.FILE_NAME, String.class);
        return name == null ? "" : "file " + name + ": ";
    }

    static byte[] bytes(Message message) {
        Object body = message.getBody();
        if (body instanceof byte[] bytes) {
            return bytes;
        }
        return body == null ? null : String.valueOf(body).getBytes(StandardCharsets.UTF_8);
    }
}
