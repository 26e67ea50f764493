package org.lstm4j.dl4j.internal;

import java.nio.FloatBuffer;
import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/** {@link GateSteps} in float32, with {@link FastTanh}'s vectorisable activations. */
final class FloatGateSteps extends GateSteps {
    /** Activated gates per slot: block input (tanh), forget, output, input. */
    private final float[][] blockInput;
    private final float[][] forget;
    private final float[][] output;
    private final float[][] inputGate;
    private final float[][] cell;
    private final float[][] cellTanh;
    /** The cell state before the first step. */
    private final float[] zeros;
    private final float[] hidden;
    /** Training only. */
    private final float[] hiddenGradient;
    private final float[] maskedPart;
    private final float[] mask;
    private final float[] cellGradient;
    private final float[][] preActivationGradient;

    FloatGateSteps(long batch, long hiddenUnits, int steps, boolean training) {
        super(batch, hiddenUnits, steps, training);
        int n = size;
        blockInput = new float[gateSlots][n];
        forget = new float[gateSlots][n];
        output = new float[gateSlots][n];
        inputGate = new float[gateSlots][n];
        cell = new float[cellSlots][n];
        cellTanh = new float[gateSlots][n];
        zeros = new float[n];
        hidden = new float[n];
        int m = training ? n : 0;
        hiddenGradient = new float[m];
        maskedPart = new float[m];
        mask = new float[m];
        cellGradient = new float[m];
        preActivationGradient = new float[4][m];
    }

    @Override
    void forward(int t, INDArray preActivation, INDArray hiddenState) {
        int slot = gateSlot(t);
        float[] a = blockInput[slot];
        float[] f = forget[slot];
        float[] o = output[slot];
        float[] i = inputGate[slot];
        read(preActivation, a, f, o, i);
        float[] previous = t == 0 ? zeros : cell[cellSlot(t - 1)];
        float[] c = cell[cellSlot(t)];
        float[] tc = cellTanh[slot];
        float[] h = hidden;
        for (int k = 0; k < size; k++) {
            float ak = FastTanh.tanh(a[k]);
            float fk = FastTanh.sigmoid(f[k]);
            float ok = FastTanh.sigmoid(o[k]);
            float ik = FastTanh.sigmoid(i[k]);
            float ck = ik * ak + fk * previous[k];
            float tck = FastTanh.tanh(ck);
            a[k] = ak;
            f[k] = fk;
            o[k] = ok;
            i[k] = ik;
            c[k] = ck;
            tc[k] = tck;
            h[k] = ok * tck;
        }
        write(hiddenState, h);
    }

    @Override
    void startBackward(INDArray recurrentMask) {
        Arrays.fill(cellGradient, 0f);
        if (recurrentMask != null) {
            read(recurrentMask, mask);
        }
    }

    @Override
    void backward(int t, INDArray hiddenGradientArray, INDArray maskedPartArray, INDArray preActivationGradientArray) {
        float[] dh = hiddenGradient;
        read(hiddenGradientArray, dh);
        if (maskedPartArray != null) {
            float[] part = maskedPart;
            read(maskedPartArray, part);
            for (int k = 0; k < size; k++) {
                dh[k] += part[k] * mask[k];
            }
        }
        int slot = gateSlot(t);
        float[] a = blockInput[slot];
        float[] f = forget[slot];
        float[] o = output[slot];
        float[] i = inputGate[slot];
        float[] tc = cellTanh[slot];
        float[] previous = t == 0 ? zeros : cell[cellSlot(t - 1)];
        float[] dc = cellGradient;
        float[] da = preActivationGradient[0];
        float[] df = preActivationGradient[1];
        float[] dO = preActivationGradient[2];
        float[] di = preActivationGradient[3];
        for (int k = 0; k < size; k++) {
            float ak = a[k];
            float fk = f[k];
            float ok = o[k];
            float ik = i[k];
            float tck = tc[k];
            float dck = dc[k] + dh[k] * ok * (1f - tck * tck);
            dO[k] = dh[k] * tck * (ok * (1f - ok));
            da[k] = dck * ik * (1f - ak * ak);
            di[k] = dck * ak * (ik * (1f - ik));
            df[k] = dck * previous[k] * (fk * (1f - fk));
            dc[k] = dck * fk;
        }
        write(preActivationGradientArray, da, df, dO, di);
    }

    /** Copies consecutive blocks of {@link #size} elements of a contiguous array into {@code blocks}. */
    private void read(INDArray array, float[]... blocks) {
        FloatBuffer buffer = array.data().asNioFloat();
        int at = buffer.position();
        for (float[] block : blocks) {
            buffer.get(at, block, 0, size);
            at += size;
        }
    }

    /** Copies {@code blocks} into consecutive blocks of a contiguous array. */
    private void write(INDArray array, float[]... blocks) {
        FloatBuffer buffer = array.data().asNioFloat();
        int at = buffer.position();
        for (float[] block : blocks) {
            buffer.put(at, block, 0, size);
            at += size;
        }
    }
}
