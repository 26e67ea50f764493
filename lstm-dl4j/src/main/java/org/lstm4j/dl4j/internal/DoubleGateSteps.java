package org.lstm4j.dl4j.internal;

import java.nio.DoubleBuffer;
import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/** {@link GateSteps} in float64, with {@link ExactActivations}: the ND4J path's formulas, not vectorised. */
final class DoubleGateSteps extends GateSteps {
    /** Activated gates per slot: block input (tanh), forget, output, input. */
    private final double[][] blockInput;
    private final double[][] forget;
    private final double[][] output;
    private final double[][] inputGate;
    private final double[][] cell;
    private final double[][] cellTanh;
    /** The cell state before the first step. */
    private final double[] zeros;
    private final double[] hidden;
    /** Training only. */
    private final double[] hiddenGradient;
    private final double[] maskedPart;
    private final double[] mask;
    private final double[] cellGradient;
    private final double[][] preActivationGradient;

    DoubleGateSteps(long batch, long hiddenUnits, int steps, boolean training) {
        super(batch, hiddenUnits, steps, training);
        int n = size;
        blockInput = new double[gateSlots][n];
        forget = new double[gateSlots][n];
        output = new double[gateSlots][n];
        inputGate = new double[gateSlots][n];
        cell = new double[cellSlots][n];
        cellTanh = new double[gateSlots][n];
        zeros = new double[n];
        hidden = new double[n];
        int m = training ? n : 0;
        hiddenGradient = new double[m];
        maskedPart = new double[m];
        mask = new double[m];
        cellGradient = new double[m];
        preActivationGradient = new double[4][m];
    }

    @Override
    void forward(int t, INDArray preActivation, INDArray hiddenState) {
        int slot = gateSlot(t);
        double[] a = blockInput[slot];
        double[] f = forget[slot];
        double[] o = output[slot];
        double[] i = inputGate[slot];
        read(preActivation, a, f, o, i);
        double[] previous = t == 0 ? zeros : cell[cellSlot(t - 1)];
        double[] c = cell[cellSlot(t)];
        double[] tc = cellTanh[slot];
        double[] h = hidden;
        for (int k = 0; k < size; k++) {
            double ak = ExactActivations.tanh(a[k]);
            double fk = ExactActivations.sigmoid(f[k]);
            double ok = ExactActivations.sigmoid(o[k]);
            double ik = ExactActivations.sigmoid(i[k]);
            double ck = ik * ak + fk * previous[k];
            double tck = ExactActivations.tanh(ck);
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
        Arrays.fill(cellGradient, 0.0);
        if (recurrentMask != null) {
            read(recurrentMask, mask);
        }
    }

    @Override
    void backward(int t, INDArray hiddenGradientArray, INDArray maskedPartArray, INDArray preActivationGradientArray) {
        double[] dh = hiddenGradient;
        read(hiddenGradientArray, dh);
        if (maskedPartArray != null) {
            double[] part = maskedPart;
            read(maskedPartArray, part);
            for (int k = 0; k < size; k++) {
                dh[k] += part[k] * mask[k];
            }
        }
        int slot = gateSlot(t);
        double[] a = blockInput[slot];
        double[] f = forget[slot];
        double[] o = output[slot];
        double[] i = inputGate[slot];
        double[] tc = cellTanh[slot];
        double[] previous = t == 0 ? zeros : cell[cellSlot(t - 1)];
        double[] dc = cellGradient;
        double[] da = preActivationGradient[0];
        double[] df = preActivationGradient[1];
        double[] dO = preActivationGradient[2];
        double[] di = preActivationGradient[3];
        for (int k = 0; k < size; k++) {
            double ak = a[k];
            double fk = f[k];
            double ok = o[k];
            double ik = i[k];
            double tck = tc[k];
            double dck = dc[k] + dh[k] * ok * (1.0 - tck * tck);
            dO[k] = dh[k] * tck * (ok * (1.0 - ok));
            da[k] = dck * ik * (1.0 - ak * ak);
            di[k] = dck * ak * (ik * (1.0 - ik));
            df[k] = dck * previous[k] * (fk * (1.0 - fk));
            dc[k] = dck * fk;
        }
        write(preActivationGradientArray, da, df, dO, di);
    }

    /** Copies consecutive blocks of {@link #size} elements of a contiguous array into {@code blocks}. */
    private void read(INDArray array, double[]... blocks) {
        DoubleBuffer buffer = array.data().asNioDouble();
        int at = buffer.position();
        for (double[] block : blocks) {
            buffer.get(at, block, 0, size);
            at += size;
        }
    }

    /** Copies {@code blocks} into consecutive blocks of a contiguous array. */
    private void write(INDArray array, double[]... blocks) {
        DoubleBuffer buffer = array.data().asNioDouble();
        int at = buffer.position();
        for (double[] block : blocks) {
            buffer.put(at, block, 0, size);
            at += size;
        }
    }
}
