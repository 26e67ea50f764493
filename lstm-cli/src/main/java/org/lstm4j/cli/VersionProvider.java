package org.lstm4j.cli;

import picocli.CommandLine;

/** The version from the jar manifest. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = LstmCommand.class.getPackage().getImplementationVersion();
        return new String[] {"lstm4j " + (version == null ? "(development build)" : version)};
    }
}
