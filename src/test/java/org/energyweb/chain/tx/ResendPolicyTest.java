package org.energyweb.chain.tx;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** When and how a transaction is sent again after each kind of answer to its last send. */
class ResendPolicyTest {

    private static final ResendPolicy POLICY = new ResendPolicy(Duration.ofSeconds(60), Duration.ofMillis(200));

    @ParameterizedTest(name = "{0} -> again after {1} ms, bump {2}, check receipts {3}")
    @CsvSource({
        // taken: wait a resend period, then replace with higher fees if still unmined
        "ACCEPTED,    60000, true,  false",
        // nonce used: receipts tell whether ours was mined before anything is sent again
        "NONCE_USED,  0,     false, true",
        // outbid in the pool: outbid it back at the next poll
        "UNDERPRICED, 200,   true,  false",
        // refused otherwise: the same bytes after a resend period, fees unchanged
        "REFUSED,     60000, false, false",
    })
    void eachAnswerLeadsToItsResend(SendAnswer answer, long afterMillis, boolean bump, boolean checkReceipts) {
        assertThat(POLICY.after(answer)).isEqualTo(new ResendPolicy.Decision(Duration.ofMillis(afterMillis), bump, checkReceipts));
    }
}
