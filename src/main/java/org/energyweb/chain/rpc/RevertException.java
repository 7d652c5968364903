package org.energyweb.chain.rpc;

/** The contract refused the call; {@link #reason()} is its revert reason. */
public class RevertException extends RuntimeException {

    private final String reason;

    public RevertException(String reason, Throwable cause) {
        super("reverted: " + reason, cause);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
