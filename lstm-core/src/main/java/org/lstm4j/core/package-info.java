/**
 * The engine under the {@code lstm} command and the Java SDK: {@link org.lstm4j.core.Experiment}
 * runs an {@link org.lstm4j.api.ExperimentSpec} end to end; {@link org.lstm4j.core.RunDirectory}
 * writes its results; {@link org.lstm4j.core.ModelBundle} saves and loads the self-contained model file.
 */
package org.lstm4j.core;
