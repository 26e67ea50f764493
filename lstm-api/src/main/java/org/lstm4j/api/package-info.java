/**
 * The public contract of lstm4j: immutable experiment specs (records), the backend SPI
 * ({@link org.lstm4j.api.Backend}, found through {@link java.util.ServiceLoader}) and training results.
 *
 * <p>Every spec has a {@code defaults()} factory holding the defaults of the YAML DSL and
 * {@code withX(...)} methods, so a Java caller writes only what differs from the defaults.
 * Constraint annotations on record components are the single source of the allowed ranges;
 * {@link org.lstm4j.api.SpecChecks} applies them in the compact constructors.
 */
package org.lstm4j.api;
