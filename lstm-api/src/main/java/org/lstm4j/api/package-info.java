/**
 * The public contract of lstm4j: immutable experiment specs (records), the backend SPI
 * ({@link org.lstm4j.api.Backend}, found through {@link java.util.ServiceLoader}) and training results.
 *
 * <p>Every spec has a {@code defaults()} factory holding the defaults of the YAML DSL and
 * {@code withX(...)} methods, one per component, so a Java caller writes only what differs from the defaults
 * and names each value: {@code SchedulerSpec.Plateau.defaults().withFactor(0.5).withPatience(2)}. A spec without
 * sensible defaults has a named factory instead ({@code SourceSpec.Csv.of(path)}). Every {@code withX} goes through
 * the canonical constructor, so an invalid value fails naming its field. The results that have no defaults,
 * {@link org.lstm4j.api.EpochResult} and {@link org.lstm4j.api.TrainingResult}, have builders.
 * Constraint annotations on record components are the single source of the allowed ranges;
 * {@link org.lstm4j.api.SpecChecks} applies them in the compact constructors.
 */
package org.lstm4j.api;
