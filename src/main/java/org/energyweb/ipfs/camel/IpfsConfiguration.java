package org.energyweb.ipfs.camel;

import java.net.URI;
import java.time.Duration;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.energyweb.ipfs.cid.UnixFsOptions;
import org.energyweb.ipfs.rpc.IpfsClientConfig;
import org.energyweb.remote.camel.BreakerOptions;

/** The options of an {@code ipfs:} endpoint; the component holds defaults that each endpoint copies. */
@UriParams
public class IpfsConfiguration extends BreakerOptions implements Cloneable {

    @UriParam(defaultValue = "http://127.0.0.1:5001", description = "Base URL of the node's Kubo RPC API (Kubo or js-ipfs)."
            + " Plain http is accepted only for a loopback address unless allowInsecure is set")
    private String apiUrl = "http://127.0.0.1:5001";

    @UriParam(label = "advanced", defaultValue = "2000", description = "Milliseconds to wait for a TCP connection to the node")
    private long connectTimeout = IpfsClientConfig.DEFAULT_CONNECT_TIMEOUT.toMillis();

    @UriParam(defaultValue = "30000", description = "Milliseconds one call may take. Also passed to the node as timeout= on"
            + " cat, pin, unpin and stat, since an offline node otherwise waits forever for a CID it does not have")
    private long timeout = IpfsClientConfig.DEFAULT_TIMEOUT.toMillis();

    @UriParam(label = "producer", defaultValue = "1", enums = "0,1", description = "CID version of added documents. 1 (raw"
            + " leaves) makes the CID of a document up to 256 KiB its plain SHA-256 (bafkrei...), the value anchored on-chain;"
            + " 0 gives what ipfs add gives by default (Qm...)")
    private int cidVersion = 1;

    @UriParam(label = "producer", defaultValue = "true", description = "Pin added documents so the node's garbage collector keeps them")
    private boolean pin = true;

    @UriParam(label = "producer", defaultValue = "false", description = "Refuse to add a document that comes without the "
            + IpfsConstants.EXPECTED_CID + " header")
    private boolean requireExpectedCid;

    @UriParam(label = "producer", description = "Folder of the local block store. When set, add keeps a document there if the"
            + " node cannot be reached (header " + IpfsConstants.PENDING + "=true) instead of failing, and sync pushes it later")
    private String pendingDir;

    @UriParam(label = "producer", defaultValue = "67108864", description = "Largest document, in bytes, that add uploads or cat reads")
    private long maxSize = IpfsClientConfig.DEFAULT_MAX_SIZE;

    @UriParam(label = "security", defaultValue = "Authorization", description = "Name of the header that carries the credential")
    private String authHeaderName = IpfsClientConfig.DEFAULT_AUTH_HEADER_NAME;

    @UriParam(label = "security", secret = true, description = "Credential sent to the node, e.g. Basic dXNlcjpwYXNz or Bearer"
            + " TOKEN. Never logged")
    private String authHeader;

    @UriParam(label = "security", defaultValue = "false", description = "Allow plain http to a node that is not on loopback."
            + " Documents and the credential then cross the network unencrypted")
    private boolean allowInsecure;

    public IpfsConfiguration copy() {
        try {
            return (IpfsConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    /** The client settings; fails with a clear message for an unsafe or malformed URL. */
    public IpfsClientConfig toClientConfig() {
        return new IpfsClientConfig(URI.create(apiUrl), Duration.ofMillis(connectTimeout), Duration.ofMillis(timeout), authHeaderName,
                authHeader, allowInsecure, maxSize);
    }

    public UnixFsOptions toUnixFsOptions() {
        return UnixFsOptions.forCidVersion(cidVersion);
    }

    public String getApiUrl() {
        return apiUrl;
    }

    public void setApiUrl(String apiUrl) {
        this.apiUrl = apiUrl;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getTimeout() {
        return timeout;
    }

    public void setTimeout(long timeout) {
        this.timeout = timeout;
    }

    public int getCidVersion() {
        return cidVersion;
    }

    public void setCidVersion(int cidVersion) {
        this.cidVersion = cidVersion;
    }

    public boolean isPin() {
        return pin;
    }

    public void setPin(boolean pin) {
        this.pin = pin;
    }

    public boolean isRequireExpectedCid() {
        return requireExpectedCid;
    }

    public void setRequireExpectedCid(boolean requireExpectedCid) {
        this.requireExpectedCid = requireExpectedCid;
    }

    public String getPendingDir() {
        return pendingDir;
    }

    public void setPendingDir(String pendingDir) {
        this.pendingDir = pendingDir;
    }

    public long getMaxSize() {
        return maxSize;
    }

    public void setMaxSize(long maxSize) {
        this.maxSize = maxSize;
    }

    public String getAuthHeaderName() {
        return authHeaderName;
    }

    public void setAuthHeaderName(String authHeaderName) {
        this.authHeaderName = authHeaderName;
    }

    public String getAuthHeader() {
        return authHeader;
    }

    public void setAuthHeader(String authHeader) {
        this.authHeader = authHeader;
    }

    public boolean isAllowInsecure() {
        return allowInsecure;
    }

    public void setAllowInsecure(boolean allowInsecure) {
        this.allowInsecure = allowInsecure;
    }
}
