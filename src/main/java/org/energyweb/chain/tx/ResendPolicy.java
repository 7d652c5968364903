package org.energyweb.chain.tx;

import java.time.Duration;

/**
 * When a broadcast transaction is sent again and whether with higher fees, from the node's answer
 * to the last send. Pure: the pipeline applies the decision to its flight.
 *
 * @param resendAfter  how long a transaction the node took may stay unmined before it is replaced with higher fees
 * @param pollInterval how often receipts are polled, the pace of a quick retry
 */
record ResendPolicy(Duration resendAfter, Duration pollInterval) {

    /**
     * @param after          how long from now the next send is due
     * @param bump           whether the next send replaces the transaction with higher fees
     * @param checkReceipts  whether receipts and the account's nonce must be looked up first, to tell
     *                       our own mined transaction from another one that took the nonce
     */
    record Decision(Duration after, boolean bump, boolean checkReceipts) {
    }

    Decision after(SendAnswer answer) {
        return switch (answer) {
            // Waits for a block; if none holds it by then, the fees were too low for the market.
            case ACCEPTED -> new Decision(resendAfter, true, false);
            // The tracker tells from receipts whether it is ours; the flight is due at once after that.
            case NONCE_USED -> new Decision(Duration.ZERO, false, true);
            // Outbid the transaction in the pool soon, rather than waiting a whole resend period.
            case UNDERPRICED -> new Decision(pollInterval, true, false);
            // The same bytes later: higher fees would not cure what the node refused.
            case REFUSED -> new Decision(resendAfter, false, false);
        };
    }
}
