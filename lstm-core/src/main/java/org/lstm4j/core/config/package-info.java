/**
 * The experiment DSL: {@link org.lstm4j.core.config.ExperimentLoader} reads a YAML file into an
 * {@link org.lstm4j.api.ExperimentSpec}, reporting every problem with its line;
 * {@link org.lstm4j.core.config.SpecWriter} writes a spec back with every default filled in.
 */
package org.lstm4j.core.config;
