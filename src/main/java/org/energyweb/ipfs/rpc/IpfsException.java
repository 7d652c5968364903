package org.energyweb.ipfs.rpc;

/**
 * Why talking to an IPFS node failed. The message names the node and the call, never the auth header.
 * {@link Reason#isRetryable()} tells an outbox whether to try again later or to give up on the document.
 */
public class IpfsException extends RuntimeException {

    public enum Reason {
        /** The node does not accept connections. */
        UNREACHABLE(true),
        /** The node did not answer in time, or answered that its own timeout expired. */
        TIMEOUT(true),
        /** The node could not be reached several times in a row; calls fail at once until a trial call succeeds. */
        CIRCUIT_OPEN(true),
        /** The node answered with an HTTP error status. */
        HTTP_ERROR(true),
        /** The answer is not what the RPC API promises (not JSON, no Hash...): the node or a proxy misbehaves. */
        GARBAGE(true),
        /** The CID the node gave, or the one expected, differs from the one computed locally. */
        CID_MISMATCH(false),
        /** The document is larger than the configured maximum. */
        OVERSIZED(false),
        /** The configuration is unsafe or invalid (plain HTTP to a remote node...). */
        CONFIGURATION(false),
        /** Reading or writing local files failed. */
        LOCAL_IO(true);

        private final boolean retryable;

        Reason(boolean retryable) {
            this.retryable = retryable;
        }

        public boolean isRetryable() {
            return retryable;
        }
    }

    private final Reason reason;

    public IpfsException(Reason reason, String message) {
        super(reason + ": " + message);
        this.reason = reason;
    }

    public IpfsException(Reason reason, String message, Throwable cause) {
        super(reason + ": " + message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
