package org.lstm4j.dl4j.internal;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.LayerValidation;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DL4J's {@code LSTM} layer configuration with a faster implementation, {@link FastLstmLayer}: the same parameters
 * (names, shapes, gate order, initialisation), the same function and gradients, computed with fewer, larger and
 * contiguous ND4J operations. Everything but {@link #instantiate} and {@link #getRecurrentDropout recurrent dropout},
 * which DL4J's LSTM does not have, is DL4J's.
 */
final class FastLstm extends LSTM {
    /** {@code model.recurrent_dropout}: the probability of dropping a unit of {@code h_{t-1}}, see {@link FastLstmLayer}. */
    private double recurrentDropout;

    /** For DL4J's reflective copies (clone, JSON); use {@link #of}. */
    public FastLstm() {
    }

    /**
     * A copy of {@code reference} (every field DL4J's builder set) that instantiates {@link FastLstmLayer}, with
     * recurrent dropout {@code recurrentDropout} (0 for none).
     */
    static FastLstm of(LSTM reference, double recurrentDropout) {
        FastLstm fast = new FastLstm();
        fast.recurrentDropout = recurrentDropout;
        for (Class<?> type = LSTM.class; type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                field.setAccessible(true);
                try {
                    field.set(fast, field.get(reference));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot copy LSTM configuration field " + field, e);
                }
            }
        }
        return fast;
    }

    /** The probability of dropping a unit of the recurrent state in training; 0 for none. */
    public double getRecurrentDropout() {
        return recurrentDropout;
    }

    /** For DL4J's JSON deserialisation. */
    public void setRecurrentDropout(double recurrentDropout) {
        this.recurrentDropout = recurrentDropout;
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners, int layerIndex,
            INDArray layerParamsView, boolean initializeParams, DataType networkDataType) {
        LayerValidation.assertNInNOutSet("LSTM", getLayerName(), layerIndex, getNIn(), getNOut());
        FastLstmLayer layer = new FastLstmLayer(conf, networkDataType);
        layer.setListeners(listeners);
        layer.setIndex(layerIndex);
        layer.setParamsViewArray(layerParamsView);
        Map<String, INDArray> paramTable = initializer().init(conf, layerParamsView, initializeParams);
        layer.setParamTable(paramTable);
        layer.setConf(conf);
        return layer;
    }
}
