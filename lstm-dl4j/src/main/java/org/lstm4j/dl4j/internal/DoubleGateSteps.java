package org.lstm4j.dl4j.internal;

import java.nio.DoubleBuffer;
import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@link GateSteps}' arithmetic in float64 with {@link ExactActivations}, the ND4J path's formulas: one loop per
 * step ({@link Math#exp} does not vectorise, so splitting the loops as {@link FloatGateSteps} does buys nothing).
 */
final class DoubleGateSteps extends GateSteps<double[]> {
    DoubleGateSteps(long batch, long hidden, int steps, boolean training) {
        super(batch, hidden, steps, training);
    }

    @Override
    double[][] arrays(int count, int length) {
        return new double[count][length];
    }

    @Override
    void copyIn(INDArray array, int offset, int stride, int runs, int length, double[] into) {
        DoubleBuffer buffer = array.data().asNioDouble();
        int start = buffer.position() + offset;
        for (int j = 0; j < runs; j++) {
            buffer.get(start + j * stride, into, j * length, length);
        }
    }

    @Override
    void copyOut(double[] from, INDArray array, int offset, int stride, int runs, int length) {
        DoubleBuffer buffer = array.data().asNioDouble();
        int start = buffer.position() + offset;
        for (int j = 0; j < runs; j++) {
            buffer.put(start + j * stride, from, j * length, length);
        }
    }

    @Override
    void clear(double[] array) {
        Arrays.fill(array, 0.0);
    }

    @Override
    void addColumns(double[] block, double[] values, int from) {
        int rows = batch;
        for (int j = 0; j < columns; j++) {
            double v = values[from + j];
            int start = j * rows;
            for (int k = start; k < start + rows; k++) {
                block[k] += v;
            }
        }
    }

    @Override
    void accumulate(double[] sum, double[] x) {
        int n = size;
        for (int k = 0; k < n; k++) {
            sum[k] += x[k];
        }
    }

    @Override
    void columnSums(double[] block, double[] into, int at) {
        int rows = batch;
        for (int j = 0; j < columns; j++) {
            double total = 0.0;
            int start = j * rows;
            for (int k = start; k < start + rows; k++) {
                total += block[k];
            }
            into[at + j] = total;
        }
    }

    @Override
    void addProduct(double[] y, double[] x, double[] m) {
        for (int k = 0; k < size; k++) {
            y[k] += x[k] * m[k];
        }
    }

    @Override
    void activate(double[] a, double[] f, double[] o, double[] i, double[] previous, double[] c, double[] tc,
            double[] h) {
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
    }

    @Override
    void differentiate(double[] a, double[] f, double[] o, double[] i, double[] tc, double[] previous, double[] dh,
            double[] dc, double[] da, double[] df, double[] dO, double[] di) {
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
    }
}
