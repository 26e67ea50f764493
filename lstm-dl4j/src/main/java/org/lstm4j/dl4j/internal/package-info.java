/**
 * Implementation of the Deeplearning4j backend. Not an API: everything here may change without notice.
 * {@link org.lstm4j.dl4j.internal.Dl4jEngine} is public only so that {@link org.lstm4j.dl4j.Dl4jBackend} can reach it.
 *
 * <p>Training and large-batch inference of every LSTM run through {@code FastLstmLayer} and {@code LstmKernel}: ND4J
 * matrix products per time step, and the element-wise work of each step in plain Java on heap arrays
 * ({@code GateSteps}, vectorised by the JIT compiler; {@code FastTanh} for float32 activations). {@code FastPaths}
 * lists the system properties that switch each faster path off for comparisons.
 */
package org.lstm4j.dl4j.internal;
