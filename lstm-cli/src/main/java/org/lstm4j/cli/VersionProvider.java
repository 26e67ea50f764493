package org.lstm4j.cli;

import org.lstm4j.core.SystemInfo;
import picocli.CommandLine;

/** The version from the jar manifest. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"lstm4j " + SystemInfo.version()};
    }
}
