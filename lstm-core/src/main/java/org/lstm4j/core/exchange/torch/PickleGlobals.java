package org.lstm4j.core.exchange.torch;

import java.util.function.Function;

/**
 * The only globals a state_dict's pickle may name, and the message for any other. A global is resolved to a Java
 * constant, never looked up by name in Java or called: what a pickle can reach is this list.
 *
 * <table>
 *   <caption>allowed globals</caption>
 *   <tr><th>global</th><th>what the unpickler makes of it</th></tr>
 *   <tr><td>{@code collections.OrderedDict}</td><td>an empty dict, when called with no arguments</td></tr>
 *   <tr><td>{@code torch._utils._rebuild_tensor_v2}</td><td>a tensor copied out of its storage</td></tr>
 *   <tr><td>{@code torch.FloatStorage}, {@code DoubleStorage}, {@code HalfStorage}, {@code BFloat16Storage},
 *       {@code LongStorage}, {@code IntStorage}, {@code ShortStorage}, {@code ByteStorage}, {@code CharStorage},
 *       {@code BoolStorage}</td><td>a storage type, only inside a persistent id</td></tr>
 * </table>
 */
final class PickleGlobals {
    /** The callables a state_dict calls. */
    enum Callable {
        ORDERED_DICT("collections.OrderedDict"),
        REBUILD_TENSOR_V2("torch._utils._rebuild_tensor_v2");

        final String pythonName;

        Callable(String pythonName) {
            this.pythonName = pythonName;
        }
    }

    static final String ALLOWED = "collections.OrderedDict, torch._utils._rebuild_tensor_v2 and torch's storage types";

    private PickleGlobals() {}

    /**
     * The Java constant for global {@code module.name}.
     *
     * @param buildsAnObject whether the pickle goes on to instantiate it as a class ({@code EMPTY_TUPLE NEWOBJ}): what
     *                       {@code torch.save(model)} writes for the model's class
     * @param refused        makes the exception that names the byte
     * @throws ImportException for any global not in the list, naming it
     */
    static Object resolve(String module, String name, boolean buildsAnObject, Function<String, ImportException> refused) {
        String global = module + "." + name;
        for (Callable callable : Callable.values()) {
            if (callable.pythonName.equals(global)) {
                return callable;
            }
        }
        if (module.equals("torch")) {
            var storage = StorageType.named(name);
            if (storage.isPresent()) {
                return storage.get();
            }
        }
        if (buildsAnObject || module.startsWith("torch.nn.") || global.equals("torch._utils._rebuild_parameter")) {
            throw refused.apply("the file holds a whole pickled module (class " + global + "), not a state_dict: "
                    + "save it with torch.save(model.state_dict(), path) and import that");
        }
        throw refused.apply("global " + global + " is not allowed in a state_dict (allowed: " + ALLOWED + ")");
    }
}
