package org.lstm4j.dl4j.internal;

import java.nio.FloatBuffer;
import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@link GateSteps}' arithmetic in float32, with {@link FastTanh}'s vectorisable activations. The loops are small,
 * one activation each: C2 (JDK 17) vectorises a counted loop only while its body is small enough to unroll 16 times
 * (AVX-512); measured per hidden unit, the cell step as one loop took 7 ns, as two 0.75 ns, and the backward step as
 * one loop 3.5 ns, as three 0.75 ns.
 */
final class FloatGateSteps extends GateSteps<float[]> {
    FloatGateSteps(long batch, long hidden, int steps, boolean training) {
        super(batch, hidden, steps, training);
    }

    @Override
    float[][] arrays(int count, int length) {
        return new float[count][length];
    }

    @Override
    void copyIn(INDArray array, int offset, int stride, int runs, int length, float[] into) {
        FloatBuffer buffer = array.data().asNioFloat();
        int start = buffer.position() + offset;
        for (int j = 0; j < runs; j++) {
            buffer.get(start + j * stride, into, j * length, length);
        }
    }

    @Override
    void copyOut(float[] from, INDArray array, int offset, int stride, int runs, int length) {
        FloatBuffer buffer = array.data().asNioFloat();
        int start = buffer.position() + offset;
        for (int j = 0; j < runs; j++) {
            buffer.put(start + j * stride, from, j * length, length);
        }
    }

    @Override
    void clear(float[] array) {
        Arrays.fill(array, 0f);
    }

    @Override
    void addColumns(float[] block, float[] values, int from) {
        int rows = batch;
        for (int j = 0; j < columns; j++) {
            float v = values[from + j];
            int start = j * rows;
            for (int k = start; k < start + rows; k++) {
                block[k] += v;
            }
        }
    }

    @Override
    void accumulate(float[] sum, float[] x) {
        int n = size;
        for (int k = 0; k < n; k++) {
            sum[k] += x[k];
        }
    }

    @Override
    void columnSums(float[] block, float[] into, int at) {
        int rows = batch;
        for (int j = 0; j < columns; j++) {
            float total = 0f;
            int start = j * rows;
            for (int k = start; k < start + rows; k++) {
                total += block[k];
            }
            into[at + j] = total;
        }
    }

    @Override
    void addProduct(float[] y, float[] x, float[] m) {
        int n = size;
        for (int k = 0; k < n; k++) {
            y[k] += x[k] * m[k];
        }
    }

    @Override
    void activate(float[] a, float[] f, float[] o, float[] i, float[] previous, float[] c, float[] tc, float[] h) {
        int n = size;
        for (int k = 0; k < n; k++) {
            a[k] = FastTanh.tanh(a[k]);
        }
        sigmoid(f);
        sigmoid(o);
        sigmoid(i);
        for (int k = 0; k < n; k++) {
            c[k] = i[k] * a[k] + f[k] * previous[k];
        }
        for (int k = 0; k < n; k++) {
            float tck = FastTanh.tanh(c[k]);
            tc[k] = tck;
            h[k] = o[k] * tck;
        }
    }

    private void sigmoid(float[] gate) {
        int n = size;
        for (int k = 0; k < n; k++) {
            gate[k] = FastTanh.sigmoid(gate[k]);
        }
    }

    @Override
    void differentiate(float[] a, float[] f, float[] o, float[] i, float[] tc, float[] previous, float[] dh,
            float[] dc, float[] da, float[] df, float[] dO, float[] di) {
        int n = size;
        for (int k = 0; k < n; k++) {
            float ok = o[k];
            float tck = tc[k];
            dc[k] += dh[k] * ok * (1f - tck * tck);
            dO[k] = dh[k] * tck * (ok * (1f - ok));
        }
        for (int k = 0; k < n; k++) {
            float ak = a[k];
            float ik = i[k];
            da[k] = dc[k] * ik * (1f - ak * ak);
            di[k] = dc[k] * ak * (ik * (1f - ik));
        }
        for (int k = 0; k < n; k++) {
            float fk = f[k];
            df[k] = dc[k] * previous[k] * (fk * (1f - fk));
            dc[k] *= fk;
        }
    }
}
