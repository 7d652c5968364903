package org.energyweb.proof;

import org.energyweb.reading.Reading;
import org.energyweb.reading.ReadingDocument;
import org.energyweb.reading.Sha256;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Real reading documents of one meter, chained as the ledger chains them, and the batches over them. */
final class TestDocuments {

    static final Anchor ANCHOR = new Anchor(31337, "0x5FbDB2315678afecb367f032d93F642f64180aa3",
            "0x" + "ab".repeat(32), 42);

    private TestDocuments() {
    }

    static List<byte[]> readings(int count) {
        List<byte[]> documents = new ArrayList<>(count);
        String prev = null;
        for (int seq = 0; seq < count; seq++) {
            Reading reading = new Reading("meter-7", seq, Instant.parse("2026-01-31T12:00:00Z").plusSeconds(60L * seq),
                    1_000_000 + 250L * seq, false, "simulator", prev, null, 1200L + seq);
            ReadingDocument document = ReadingDocument.of(reading);
            documents.add(document.bytes());
            prev = document.sha256Hex();
        }
        return documents;
    }

    static MerkleTree batchOf(List<byte[]> documents, LeafKind kind, byte[] secret) {
        return MerkleTree.ofLeafInputs(documents.stream()
                .map(document -> kind.leafInput(document, SaltSeed.derive(secret, Sha256.digest(document))))
                .toList());
    }

    static byte[] secret() {
        return "a gateway secret of 32 bytes!!!!".getBytes(StandardCharsets.US_ASCII);
    }
}
