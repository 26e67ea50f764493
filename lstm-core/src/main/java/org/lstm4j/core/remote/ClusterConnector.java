package org.lstm4j.core.remote;

import java.util.Map;

/**
 * Opens a {@link WorkPlace} on a cluster named by a master URL. Found through {@link java.util.ServiceLoader}:
 * {@code lstm-spark} provides one for Apache Spark masters ({@code local[N]}, {@code spark://host:port}, ...).
 */
public interface ClusterConnector {

    /** The cluster's name in messages ("Apache Spark"). */
    String name();

    /**
     * Connects to {@code master}.
     *
     * @param settings the cluster's own settings ({@code spark.executor.memory=4g}, ...), given as {@code --spark-conf}
     * @param application the application's name as the cluster shows it
     * @throws RemoteWorkException when the master cannot be reached or refuses the application
     */
    WorkPlace connect(String master, Map<String, String> settings, String application);
}
