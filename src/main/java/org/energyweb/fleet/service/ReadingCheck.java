package org.energyweb.fleet.service;

import org.energyweb.reading.ReadingDocument;

import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Decides what the anchor service does with a reading from the topic, trusting nothing the record
 * says: the document must parse (canonical form), its digest must be the one the gateway claims, its
 * meter and seq the ones in the headers, the gateway must be known and own the meter, and the reading
 * must extend its meter's chain (seq + 1 and a {@code prev} equal to the head's digest). A reading
 * already accepted is a duplicate; a reading after a gap is held until the missing one arrives; anything
 * else that does not extend the chain (a forged or conflicting link) is refused with its reason and never anchored.
 */
public final class ReadingCheck {

    private final Set<String> knownGateways;
    private final Function<String, Optional<MeterHead>> heads;
    private final BiFunction<String, Long, Optional<String>> acceptedDigest;

    /**
     * @param heads          the last accepted reading of a meter, if any
     * @param acceptedDigest the digest of the accepted reading of a meter at a seq, if any
     */
    public ReadingCheck(Set<String> knownGateways, Function<String, Optional<MeterHead>> heads,
                        BiFunction<String, Long, Optional<String>> acceptedDigest) {
        this.knownGateways = Set.copyOf(knownGateways);
        this.heads = heads;
        this.acceptedDigest = acceptedDigest;
    }

    public Verdict check(InboundReading in) {
        if (in.gateway() == null || !knownGateways.contains(in.gateway())) {
            return new Verdict.Refused("unknown gateway " + in.gateway());
        }
        ReadingDocument document;
        try {
            document = ReadingDocument.parse(in.document());
        } catch (RuntimeException e) {
            return new Verdict.Refused("broken document: " + e.getMessage());
        }
        String meter = document.reading().meter();
        long seq = document.reading().seq();
        if (!document.sha256Hex().equals(in.sha256())) {
            return new Verdict.Refused("SHA-256 header " + in.sha256() + " is not the document's " + document.sha256Hex());
        }
        if (!meter.equals(in.key())) {
            // the key picks the partition, and one partition's owner alone may extend a meter's chain
            return new Verdict.Refused("record key " + in.key() + " is not the document's meter " + meter);
        }
        if (!meter.equals(in.meter()) || !String.valueOf(seq).equals(in.seq())) {
            return new Verdict.Refused("headers say " + in.meter() + "#" + in.seq() + ", the document is " + meter + "#" + seq);
        }
        Optional<MeterHead> head = heads.apply(meter);
        if (head.isPresent() && !head.get().gateway().equals(in.gateway())) {
            return new Verdict.Refused("meter " + meter + " belongs to gateway " + head.get().gateway() + ", not " + in.gateway());
        }
        long expected = head.map(h -> h.seq() + 1).orElse(0L);
        if (seq < expected) {
            return acceptedDigest.apply(meter, seq).filter(document.sha256Hex()::equals).<Verdict>map(same -> new Verdict.Duplicate(meter, seq))
                    .orElseGet(() -> new Verdict.Refused("conflicts with the accepted reading " + meter + "#" + seq));
        }
        if (seq > expected) {
            return new Verdict.Held("gap: " + meter + " expects seq " + expected + ", got " + seq);
        }
        String prev = document.reading().prev();
        String headDigest = head.map(MeterHead::sha256).orElse(null);
        if (headDigest == null ? prev != null : !headDigest.equals(prev)) {
            return new Verdict.Refused("forged link: " + meter + "#" + seq + " has prev " + prev + ", the chain's head is " + headDigest);
        }
        return new Verdict.Accepted(document);
    }
}
