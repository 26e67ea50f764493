package org.lstm4j.core.exchange.torch;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pickle machine of a state_dict, restricted to what {@code torch.save(model.state_dict())} writes: pickle
 * protocol 2 (and the framing, short-string and memo opcodes of protocols 4 and 5). It builds nothing but
 * {@code None}, booleans, longs, doubles, strings, {@link Tuple}s, lists, dicts ({@link LinkedHashMap}, also for
 * {@code collections.OrderedDict}) and tensors. A {@code GLOBAL} is checked against {@link PickleGlobals} when it is
 * read, before anything after it runs: a pickle that names {@code os.system} or a class of its own is refused at that
 * byte, having built only the plain values before it. Opcodes that build objects of classes ({@code NEWOBJ},
 * {@code INST}, {@code OBJ}, extension codes) are refused outright.
 *
 * <p>Limits, each an {@link ImportException} naming the byte: stack items, nesting (marks), memo entries, string
 * lengths (never longer than what is left of the pickle), integers of at most 8 bytes.
 */
final class RestrictedUnpickler {
    /** Items on the stack at once: a state_dict of a 16-layer bilstm pushes a few hundred. */
    static final int MAX_STACK = 1 << 16;
    /** Open marks (nesting of tuples, lists and dicts being built): a state_dict nests four deep. */
    static final int MAX_MARKS = 256;
    /** Memo entries. */
    static final int MAX_MEMO = 1 << 20;
    /** Bytes of one string: tensor names and metadata keys are short. */
    static final int MAX_STRING = 1 << 20;

    /** A Python tuple. */
    record Tuple(List<Object> items) {
        Tuple {
            items = Collections.unmodifiableList(new ArrayList<>(items));
        }

        int size() {
            return items.size();
        }

        Object get(int index) {
            return items.get(index);
        }
    }

    /** A storage named by a persistent id: {@code ('storage', torch.FloatStorage, key, location, elements)}. */
    record StorageRef(StorageType type, String key, long elements) {}

    /** Rebuilds the tensors that {@code torch._utils._rebuild_tensor_v2} describes. */
    interface TensorSource {
        TorchTensor tensor(StorageRef storage, long offset, long[] size, long[] stride);
    }

    private final byte[] data;
    private final String where;
    private final TensorSource tensors;
    private final List<Object> stack = new ArrayList<>();
    private final int[] marks = new int[MAX_MARKS];
    private int markCount;
    private final Map<Long, Object> memo = new HashMap<>();
    private int pos;
    private int opcodeAt;

    private RestrictedUnpickler(byte[] data, String where, TensorSource tensors) {
        this.data = data;
        this.where = where;
        this.tensors = tensors;
    }

    /**
     * The object a pickle describes.
     *
     * @param data    the pickle
     * @param where   names the pickle in messages ({@code model.pt: data.pkl})
     * @param tensors rebuilds tensors from storages
     * @throws ImportException at the first opcode, global or limit it refuses, naming its byte
     */
    static Object load(byte[] data, String where, TensorSource tensors) {
        return new RestrictedUnpickler(data, where, tensors).run();
    }

    private Object run() {
        while (true) {
            opcodeAt = pos;
            int opcode = u1();
            switch (opcode) {
                case 0x80 -> { // PROTO
                    int protocol = u1();
                    if (protocol > 5) {
                        throw refused("pickle protocol " + protocol + " is newer than 5");
                    }
                }
                case 0x95 -> skip(8); // FRAME: its length only helps a streaming reader
                case 0x2e -> { // STOP
                    return pop();
                }
                case 0x28 -> mark(); // MARK
                case 0x30 -> pop(); // POP
                case 0x31 -> popMark(); // POP_MARK
                case 0x32 -> push(peek()); // DUP
                case 0x4e -> push(null); // NONE
                case 0x88 -> push(Boolean.TRUE); // NEWTRUE
                case 0x89 -> push(Boolean.FALSE); // NEWFALSE
                case 0x4b -> push((long) u1()); // BININT1
                case 0x4d -> push((long) (u1() | u1() << 8)); // BININT2
                case 0x4a -> push((long) s4()); // BININT
                case 0x8a -> push(long1()); // LONG1
                case 0x47 -> push(Double.longBitsToDouble(be8())); // BINFLOAT
                case 0x58 -> push(string(u4())); // BINUNICODE
                case 0x8c -> push(string(u1())); // SHORT_BINUNICODE
                case 0x8d -> push(string(u8())); // BINUNICODE8
                case 0x29 -> push(new Tuple(List.of())); // EMPTY_TUPLE
                case 0x85 -> push(new Tuple(popN(1))); // TUPLE1
                case 0x86 -> push(new Tuple(popN(2))); // TUPLE2
                case 0x87 -> push(new Tuple(popN(3))); // TUPLE3
                case 0x74 -> push(new Tuple(popToMark())); // TUPLE
                case 0x5d -> push(new ArrayList<>()); // EMPTY_LIST
                case 0x6c -> push(new ArrayList<>(popToMark())); // LIST
                case 0x61 -> list(peekBelow(1)).add(pop()); // APPEND
                case 0x65 -> { // APPENDS
                    List<Object> items = popToMark();
                    list(peek()).addAll(items);
                }
                case 0x7d -> push(new LinkedHashMap<>()); // EMPTY_DICT
                case 0x64 -> { // DICT
                    Map<Object, Object> dict = new LinkedHashMap<>();
                    putAll(dict, popToMark());
                    push(dict);
                }
                case 0x73 -> { // SETITEM
                    List<Object> pair = popN(2);
                    putAll(dict(peek()), pair);
                }
                case 0x75 -> { // SETITEMS
                    List<Object> items = popToMark();
                    putAll(dict(peek()), items);
                }
                case 0x71 -> memoize(u1()); // BINPUT
                case 0x72 -> memoize(u4()); // LONG_BINPUT
                case 0x94 -> memoize(memo.size()); // MEMOIZE
                case 0x68 -> push(recall(u1())); // BINGET
                case 0x6a -> push(recall(u4())); // LONG_BINGET
                case 0x63 -> { // GLOBAL
                    String module = line();
                    String name = line();
                    push(PickleGlobals.resolve(module, name, buildsAnObject(), this::refused));
                }
                case 0x93 -> { // STACK_GLOBAL
                    List<Object> names = popN(2);
                    if (!(names.get(0) instanceof String module) || !(names.get(1) instanceof String name)) {
                        throw refused("STACK_GLOBAL needs two strings");
                    }
                    push(PickleGlobals.resolve(module, name, buildsAnObject(), this::refused));
                }
                case 0x51 -> push(storage(pop())); // BINPERSID
                case 0x52 -> { // REDUCE
                    List<Object> call = popN(2);
                    push(reduce(call.get(0), call.get(1)));
                }
                case 0x62 -> build(); // BUILD
                default -> throw refused(Opcodes.describe(opcode) + " is not an opcode a state_dict uses");
            }
        }
    }

    private Object reduce(Object callable, Object arguments) {
        if (!(arguments instanceof Tuple args)) {
            throw refused("REDUCE needs a tuple of arguments");
        }
        if (callable == PickleGlobals.Callable.ORDERED_DICT) {
            if (args.size() != 0) {
                throw refused("collections.OrderedDict is only built empty in a state_dict");
            }
            return new LinkedHashMap<>();
        }
        if (callable == PickleGlobals.Callable.REBUILD_TENSOR_V2) {
            return rebuildTensor(args);
        }
        throw refused("REDUCE calls " + describe(callable) + ", which is not callable in a state_dict");
    }

    /** {@code _rebuild_tensor_v2(storage, storage_offset, size, stride, requires_grad, backward_hooks[, metadata])}. */
    private TorchTensor rebuildTensor(Tuple args) {
        if (args.size() < 6 || args.size() > 7 || !(args.get(0) instanceof StorageRef storage) || !(args.get(1) instanceof Long offset)
                || !(args.get(2) instanceof Tuple size) || !(args.get(3) instanceof Tuple stride) || !(args.get(4) instanceof Boolean)
                || !(args.get(5) instanceof Map<?, ?>)) {
            throw refused("torch._utils._rebuild_tensor_v2 needs (storage, offset, size, stride, requires_grad, backward_hooks)");
        }
        if (size.size() != stride.size()) {
            throw refused("a tensor's size " + size.items() + " and stride " + stride.items() + " differ in length");
        }
        return tensors.tensor(storage, offset, longs(size), longs(stride));
    }

    private long[] longs(Tuple tuple) {
        long[] values = new long[tuple.size()];
        for (int i = 0; i < values.length; i++) {
            if (!(tuple.get(i) instanceof Long value)) {
                throw refused("a tensor's size and stride must be integers, found " + describe(tuple.get(i)));
            }
            values[i] = value;
        }
        return values;
    }

    /** BINPERSID: {@code ('storage', storage_type, key, location, elements)}. */
    private StorageRef storage(Object pid) {
        if (!(pid instanceof Tuple id) || id.size() != 5 || !"storage".equals(id.get(0)) || !(id.get(1) instanceof StorageType type)
                || !(id.get(2) instanceof String key) || !(id.get(3) instanceof String) || !(id.get(4) instanceof Long elements)
                || elements < 0) {
            throw refused("a persistent id must be ('storage', torch.<Type>Storage, key, location, elements), was " + describe(pid));
        }
        return new StorageRef(type, key, elements);
    }

    /** BUILD sets the state of an object; in a state_dict only the OrderedDict's {@code _metadata} attribute. */
    private void build() {
        Object state = pop();
        if (!(peek() instanceof Map<?, ?>) || !(state == null || state instanceof Map<?, ?>)) {
            throw refused("BUILD sets the state of " + describe(peek()) + " to " + describe(state) + "; a state_dict only sets a dict's attributes");
        }
    }

    /** Whether the global just read is followed by {@code EMPTY_TUPLE NEWOBJ} (memo stores skipped): an instance of a class. */
    private boolean buildsAnObject() {
        int at = pos;
        while (at < data.length) {
            int opcode = data[at] & 0xff;
            if (opcode == 0x71) {
                at += 2;
            } else if (opcode == 0x72) {
                at += 5;
            } else if (opcode == 0x94) {
                at += 1;
            } else {
                break;
            }
        }
        return at + 1 < data.length && data[at] == 0x29 && (data[at + 1] & 0xff) == 0x81;
    }

    private void putAll(Map<Object, Object> dict, List<Object> items) {
        if (items.size() % 2 != 0) {
            throw refused("a dict needs key, value pairs; found " + items.size() + " items");
        }
        for (int i = 0; i < items.size(); i += 2) {
            Object key = items.get(i);
            if (!(key == null || key instanceof String || key instanceof Long || key instanceof Boolean || key instanceof Double
                    || key instanceof Tuple)) {
                throw refused("a dict key must be a string, number or tuple, was " + describe(key));
            }
            dict.put(key, items.get(i + 1));
        }
    }

    @SuppressWarnings("unchecked")
    private Map<Object, Object> dict(Object value) {
        if (!(value instanceof LinkedHashMap<?, ?>)) {
            throw refused("expected a dict to set items of, found " + describe(value));
        }
        return (Map<Object, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private List<Object> list(Object value) {
        if (!(value instanceof ArrayList<?>)) {
            throw refused("expected a list to append to, found " + describe(value));
        }
        return (List<Object>) value;
    }

    private void memoize(long index) {
        if (stack.isEmpty()) {
            throw refused("memo store with an empty stack");
        }
        if (memo.size() >= MAX_MEMO && !memo.containsKey(index)) {
            throw refused("more than " + MAX_MEMO + " memo entries");
        }
        memo.put(index, peek());
    }

    private Object recall(long index) {
        if (!memo.containsKey(index)) {
            throw refused("memo entry " + index + " was never stored");
        }
        return memo.get(index);
    }

    private void push(Object value) {
        if (stack.size() >= MAX_STACK) {
            throw refused("more than " + MAX_STACK + " items on the pickle stack");
        }
        stack.add(value);
    }

    private Object pop() {
        if (stack.size() <= (markCount == 0 ? 0 : marks[markCount - 1])) {
            throw refused("the pickle stack is empty");
        }
        return stack.remove(stack.size() - 1);
    }

    private Object peek() {
        return peekBelow(0);
    }

    private Object peekBelow(int depth) {
        if (stack.size() - depth <= (markCount == 0 ? 0 : marks[markCount - 1])) {
            throw refused("the pickle stack is empty");
        }
        return stack.get(stack.size() - 1 - depth);
    }

    private List<Object> popN(int count) {
        if (stack.size() - count < (markCount == 0 ? 0 : marks[markCount - 1])) {
            throw refused("the pickle stack holds fewer than " + count + " items");
        }
        List<Object> top = new ArrayList<>(stack.subList(stack.size() - count, stack.size()));
        stack.subList(stack.size() - count, stack.size()).clear();
        return top;
    }

    private void mark() {
        if (markCount == MAX_MARKS) {
            throw refused("nested deeper than " + MAX_MARKS + " marks");
        }
        marks[markCount++] = stack.size();
    }

    private List<Object> popToMark() {
        if (markCount == 0) {
            throw refused("no mark to build from");
        }
        int from = marks[--markCount];
        List<Object> items = new ArrayList<>(stack.subList(from, stack.size()));
        stack.subList(from, stack.size()).clear();
        return items;
    }

    private void popMark() {
        popToMark();
    }

    private String line() {
        int end = pos;
        while (end < data.length && data[end] != '\n') {
            end++;
        }
        if (end == data.length || end - pos > 256) {
            throw refused("GLOBAL needs a module and a name, each on one short line");
        }
        String text = new String(data, pos, end - pos, StandardCharsets.UTF_8);
        pos = end + 1;
        return text;
    }

    private String string(long length) {
        if (length > MAX_STRING) {
            throw refused("a string of " + length + " bytes (at most " + MAX_STRING + ")");
        }
        need((int) length);
        String text = new String(data, pos, (int) length, StandardCharsets.UTF_8);
        pos += (int) length;
        return text;
    }

    private long long1() {
        int length = u1();
        if (length > 8) {
            throw refused("an integer of " + length + " bytes (at most 8)");
        }
        if (length == 0) {
            return 0L;
        }
        need(length);
        long value = data[pos + length - 1]; // sign-extended top byte
        for (int i = length - 2; i >= 0; i--) {
            value = value << 8 | (data[pos + i] & 0xff);
        }
        pos += length;
        return value;
    }

    private int u1() {
        need(1);
        return data[pos++] & 0xff;
    }

    private int s4() {
        return u1() | u1() << 8 | u1() << 16 | u1() << 24;
    }

    private long u4() {
        return s4() & 0xffffffffL;
    }

    private long u8() {
        long value = u4();
        return value | u4() << 32;
    }

    private long be8() {
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = value << 8 | u1();
        }
        return value;
    }

    private void skip(int bytes) {
        need(bytes);
        pos += bytes;
    }

    private void need(int bytes) {
        if (data.length - pos < bytes) {
            throw new ImportException(where + " ends at byte " + data.length + ", inside the opcode at byte " + opcodeAt
                    + " or before its STOP: the file is truncated or corrupt");
        }
    }

    private ImportException refused(String why) {
        return new ImportException(where + " byte " + opcodeAt + ": " + why + "; nothing was built");
    }

    private static String describe(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof PickleGlobals.Callable callable) {
            return callable.pythonName;
        }
        if (value instanceof StorageType type) {
            return "torch." + type.className;
        }
        if (value instanceof String text) {
            return "'" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "'";
        }
        if (value instanceof Tuple tuple) {
            return "a tuple of " + tuple.size();
        }
        return value instanceof Map<?, ?> ? "a dict" : value instanceof List<?> ? "a list" : value instanceof TorchTensor ? "a tensor"
                : value.getClass().getSimpleName().toLowerCase() + " " + value;
    }

    /** Names of the opcodes refused, for messages. */
    static final class Opcodes {
        private static final Map<Integer, String> NAMES = Map.ofEntries(
                Map.entry(0x81, "NEWOBJ (an instance of a class)"), Map.entry(0x92, "NEWOBJ_EX (an instance of a class)"),
                Map.entry((int) 'i', "INST (an instance of a class)"), Map.entry((int) 'o', "OBJ (an instance of a class)"),
                Map.entry(0x82, "EXT1"), Map.entry(0x83, "EXT2"), Map.entry(0x84, "EXT4"), Map.entry((int) 'P', "PERSID"),
                Map.entry((int) 'B', "BINBYTES"), Map.entry((int) 'C', "SHORT_BINBYTES"), Map.entry(0x8e, "BINBYTES8"),
                Map.entry(0x96, "BYTEARRAY8"), Map.entry(0x97, "NEXT_BUFFER"), Map.entry(0x98, "READONLY_BUFFER"),
                Map.entry(0x8f, "EMPTY_SET"), Map.entry(0x90, "ADDITEMS"), Map.entry(0x91, "FROZENSET"), Map.entry(0x8b, "LONG4"),
                Map.entry((int) 'S', "STRING"), Map.entry((int) 'T', "BINSTRING"), Map.entry((int) 'U', "SHORT_BINSTRING"),
                Map.entry((int) 'V', "UNICODE"), Map.entry((int) 'I', "INT"), Map.entry((int) 'L', "LONG"), Map.entry((int) 'F', "FLOAT"),
                Map.entry((int) 'g', "GET"), Map.entry((int) 'p', "PUT"));

        private Opcodes() {}

        static String describe(int opcode) {
            String name = NAMES.get(opcode);
            return "opcode 0x" + String.format("%02x", opcode) + (name == null ? "" : " " + name);
        }
    }
}
