/**
 * PyTorch import without Python: {@link org.lstm4j.core.exchange.torch.StateDictReader} reads a
 * {@code torch.save(model.state_dict(), path)} file (a zip of a pickle and raw storages) through a restricted
 * unpickler that builds nothing but dicts, tuples, numbers, strings and tensors;
 * {@link org.lstm4j.core.exchange.torch.SeedModels} maps the tensors of the seed's classes ({@code LSTMModel},
 * {@code AttentionLSTM}, a {@code BiLSTM} reading {@code h_n}) onto {@link org.lstm4j.api.NetworkWeights};
 * {@link org.lstm4j.core.exchange.torch.ScalerFile} reads the scalers a scikit-learn user fitted.
 */
package org.lstm4j.core.exchange.torch;
