package org.energyweb.ipfs.camel;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

/**
 * Stores and reads documents on an IPFS node through its Kubo RPC API: {@code ipfs:add}, {@code ipfs:cat},
 * {@code ipfs:pin}, {@code ipfs:unpin}, {@code ipfs:stat}, {@code ipfs:sync}. Camel 4 has no ipfs
 * component any more; this one computes every CID itself and checks the node against it.
 */
@Component("ipfs")
public class IpfsComponent extends DefaultComponent {

    private static final Pattern CREDENTIAL_IN_URI = Pattern.compile("(?i)([?&]authHeader=)(RAW\\(.*?\\)|RAW\\{.*?\\}|[^&]*)");

    @Metadata(description = "Defaults for every ipfs endpoint (API URL, credential...); an endpoint's own options override them")
    private IpfsConfiguration configuration = new IpfsConfiguration();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        IpfsOperation operation;
        try {
            operation = IpfsOperation.valueOf(remaining.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown ipfs operation '" + remaining + "' in " + uri
                    + " (add, cat, pin, unpin, stat or sync)", e);
        }
        IpfsConfiguration endpointConfiguration = configuration.copy();
        // bound by reflection onto the configuration; whatever remains is an endpoint option or an error
        setProperties(endpointConfiguration, parameters);
        IpfsEndpoint endpoint = new IpfsEndpoint(withoutCredential(uri), this, operation, endpointConfiguration);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    /**
     * The endpoint's URI with the credential masked: Camel shows endpoint URIs in message histories and
     * error logs, and its own list of sensitive option names does not know authHeader.
     */
    static String withoutCredential(String uri) {
        return CREDENTIAL_IN_URI.matcher(uri).replaceAll("$1xxxxxx");
    }

    public IpfsConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(IpfsConfiguration configuration) {
        this.configuration = configuration;
    }

    /** Shortcut for {@code camel.component.ipfs.api-url}. */
    public void setApiUrl(String apiUrl) {
        configuration.setApiUrl(apiUrl);
    }

    /** Shortcut for {@code camel.component.ipfs.auth-header}. */
    public void setAuthHeader(String authHeader) {
        configuration.setAuthHeader(authHeader);
    }
}
