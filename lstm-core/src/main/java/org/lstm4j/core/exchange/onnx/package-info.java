/**
 * ONNX export: {@link org.lstm4j.core.exchange.onnx.OnnxExport} writes a bundle as one ONNX file holding the whole
 * forecaster (transform, scalers, network, inverse), from the backend-neutral
 * {@link org.lstm4j.api.NetworkWeights}; {@code lstm export} is its command.
 */
package org.lstm4j.core.exchange.onnx;
