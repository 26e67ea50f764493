package org.lstm4j.core.remote;

import java.util.Map;
import java.util.ServiceLoader;

/** The {@link ClusterConnector} on the class path, if any. */
public final class WorkPlaces {
    private WorkPlaces() {}

    /**
     * Connects to {@code master} through the connector on the class path.
     *
     * @throws RemoteWorkException when no connector is on the class path, or the connection fails
     */
    public static WorkPlace connect(String master, Map<String, String> settings, String application) {
        ClusterConnector connector = ServiceLoader.load(ClusterConnector.class).findFirst()
                .orElseThrow(() -> new RemoteWorkException("no cluster connector on the class path: running on Spark "
                        + "needs org.lstm4j:lstm-spark and Apache Spark (./lstm adds both when given --spark)"));
        return connector.connect(master, settings, application);
    }
}
