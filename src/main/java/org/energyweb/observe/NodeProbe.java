package org.energyweb.observe;

/** One cheap call to a remote node, saying how it is; throws when the node cannot be reached or answers wrong. */
@FunctionalInterface
interface NodeProbe {

    /** @return a short description of the node's state, e.g. its chain head */
    String probe() throws Exception;
}
