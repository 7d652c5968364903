package org.energyweb.observe;

import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * A check that counts for the overall health ({@code /observe/health}) only: what it finds (a meter
 * away, a hop behind) neither stops readings being ledgered nor means the process is stuck.
 */
abstract class OverallHealthCheck extends AbstractHealthCheck {

    OverallHealthCheck(String id) {
        super("energyweb", id);
    }

    @Override
    public boolean isReadiness() {
        return false;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }
}
