package org.energyweb.chain.rpc;

/**
 * The node could not be asked or did not answer in time: a dropped connection, a node restart.
 * Whether a call that failed this way took effect is unknown, so it is retried, never assumed.
 */
public class RpcUnreachableException extends RuntimeException {

    public RpcUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
