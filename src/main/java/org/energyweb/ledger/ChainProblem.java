package org.energyweb.ledger;

/** One thing wrong with a meter's chain, at the seq where it shows. */
public record ChainProblem(String meter, long seq, String reason) {

    @Override
    public String toString() {
        return "meter " + meter + " seq " + seq + ": " + reason;
    }
}
