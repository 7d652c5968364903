package org.energyweb.chain.tx;

import org.energyweb.chain.rpc.RpcException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The node's answers to a send, as geth, anvil, ganache, Nethermind and Besu word them, and what each means. */
class SendAnswerTest {

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
        "NONE                                                     | ACCEPTED",
        "already known                                            | ACCEPTED",
        "Known transaction: 0x12ab                                | ACCEPTED",
        "Transaction with the same hash was already imported.     | ACCEPTED",
        "nonce too low                                            | NONCE_USED",
        "Nonce too low. transaction has nonce 3, but sender has 5 | NONCE_USED",
        "the tx doesn't have the correct nonce. nonce has already been used | NONCE_USED",
        "old nonce                                                | NONCE_USED",
        "replacement transaction underpriced                      | UNDERPRICED",
        "transaction underpriced: tip needed 1, tip permitted 0   | UNDERPRICED",
        "txpool is full                                           | REFUSED",
        "insufficient funds for gas * price + value               | REFUSED",
        "exceeds block gas limit                                  | REFUSED",
    })
    void eachAnswerIsClassifiedWhateverTheNodesWording(String message, SendAnswer expected) {
        RpcException error = message == null ? null : new RpcException(-32000, message, null);

        assertThat(SendAnswer.of(error)).isEqualTo(expected);
    }
}
