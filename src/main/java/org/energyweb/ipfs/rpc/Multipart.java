package org.energyweb.ipfs.rpc;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.UUID;

/** A multipart/form-data body with one file part, as {@code /api/v0/add} expects; the content streams. */
final class Multipart {

    private final String boundary = "energyweb-" + UUID.randomUUID();

    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    BodyPublisher withFile(BodyPublisher content) {
        String head = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"document\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        return BodyPublishers.concat(BodyPublishers.ofByteArray(head.getBytes(US_ASCII)), content,
                BodyPublishers.ofByteArray(tail.getBytes(US_ASCII)));
    }
}
