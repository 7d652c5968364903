package org.energyweb.tlog.witness;

import org.energyweb.tlog.SignedNote;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Submits checkpoints to a c2sp.org/tlog-witness ("add-checkpoint") and keeps only the cosignatures of the
 * witness key it was given ("The client MUST ignore any cosignatures from unknown keys").
 */
public final class WitnessClient {

    /** What the witness answered: its verified cosignatures (200), or the refusal's status and body. */
    public record Result(int status, String body, List<SignedNote.Signature> cosignatures) {

        public boolean cosigned() {
            return status == 200 && !cosignatures.isEmpty();
        }

        /** On 409 with a size body, the size the witness last cosigned (to retry from). */
        public long cosignedSize() {
            if (status != 409 || !body.matches("(0|[1-9][0-9]{0,18})\n")) {
                throw new IllegalStateException("the witness answered " + status + ", not a conflict with its size");
            }
            return Long.parseLong(body.strip());
        }
    }

    /** How long a witness may take to answer one request, unless told otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final URI submissionPrefix;
    private final CosignatureVerifier witnessKey;
    private final Duration timeout;
    private final HttpClient http;

    public WitnessClient(URI submissionPrefix, CosignatureVerifier witnessKey) {
        this(submissionPrefix, witnessKey, DEFAULT_TIMEOUT);
    }

    /** @param timeout how long the witness may take to answer one request (and at most 10 s to accept the connection) */
    public WitnessClient(URI submissionPrefix, CosignatureVerifier witnessKey, Duration timeout) {
        this.submissionPrefix = submissionPrefix;
        this.witnessKey = witnessKey;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout.compareTo(Duration.ofSeconds(10)) < 0 ? timeout : Duration.ofSeconds(10))
                .build();
    }

    @Override
    public String toString() {
        return "witness " + witnessKey.name() + " at " + submissionPrefix;
    }

    public Result addCheckpoint(AddCheckpointRequest request) throws IOException, InterruptedException {
        HttpRequest post = HttpRequest.newBuilder(URI.create(submissionPrefix.toString().replaceAll("/+$", "") + WitnessServer.PATH))
                .timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofString(request.encoded(), StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response = http.send(post, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        List<SignedNote.Signature> cosignatures = new ArrayList<>();
        if (response.statusCode() == 200) {
            // Parsed as the checkpoint with the response appended, as the spec suggests.
            String text = request.checkpoint().text();
            for (SignedNote.Signature line : SignedNote.parse(text + "\n" + response.body()).signatures()) {
                if (witnessKey.verify(text, line).isPresent()) {
                    cosignatures.add(line);
                }
            }
        }
        return new Result(response.statusCode(), response.body(), List.copyOf(cosignatures));
    }
}
