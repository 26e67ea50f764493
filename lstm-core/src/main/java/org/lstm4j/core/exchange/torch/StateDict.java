package org.lstm4j.core.exchange.torch;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tensors of a PyTorch {@code state_dict}, by name, in the file's order.
 *
 * @param file    the file they were read from (for messages)
 * @param tensors by name ({@code lstm.weight_ih_l0}, {@code fc.bias}, ...)
 */
public record StateDict(Path file, Map<String, TorchTensor> tensors) {
    public StateDict {
        tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
    }

    /** The tensor called {@code name}, or {@code null}. */
    public TorchTensor tensor(String name) {
        return tensors.get(name);
    }
}
