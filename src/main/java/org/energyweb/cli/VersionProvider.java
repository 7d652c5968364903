package org.energyweb.cli;

import picocli.CommandLine;

/** The version from the jar's manifest (the Maven project version). */
class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = EnergywebCommand.class.getPackage().getImplementationVersion();
        return new String[] {"energyweb " + (version != null ? version : "development build")};
    }
}
