package org.lstm4j.core.exchange.torch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading torch.save files: PyTorch's own (bench/torch_import) and hand-written pickles of what PyTorch would not write. */
class StateDictReaderTest {
    static final Path FIXTURES = Path.of("../bench/torch_import");

    @TempDir
    Path dir;

    @Test
    void readsTheSeedsLstmModelInTheFilesOrderWithItsShapes() {
        StateDict state = StateDictReader.read(FIXTURES.resolve("lstm2.pt"));
        assertThat(state.tensors().keySet()).containsExactly(
                "lstm.weight_ih_l0", "lstm.weight_hh_l0", "lstm.bias_ih_l0", "lstm.bias_hh_l0",
                "lstm.weight_ih_l1", "lstm.weight_hh_l1", "lstm.bias_ih_l1", "lstm.bias_hh_l1", "fc.weight", "fc.bias");
        assertThat(state.tensor("lstm.weight_ih_l0").shape()).containsExactly(32, 2);
        assertThat(state.tensor("lstm.weight_hh_l1").shape()).containsExactly(32, 8);
        assertThat(state.tensor("fc.weight").shape()).containsExactly(3, 8);
        assertThat(state.tensor("fc.bias").dtype()).isEqualTo("FloatStorage");
        assertThat(Arrays.stream(state.tensor("lstm.weight_ih_l0").values()).map(Math::abs).max().orElse(0)).as("trained weights, not zeros")
                .isGreaterThan(0.05);
    }

    @Test
    void float64ViewsWithOffsetsStridesAndSharedStoragesReadAsTheSameValues() {
        StateDict plain = StateDictReader.read(FIXTURES.resolve("lstm2.pt"));
        StateDict views = StateDictReader.read(FIXTURES.resolve("lstm2_views.pt"));
        assertThat(views.tensors().keySet()).containsExactlyInAnyOrderElementsOf(plain.tensors().keySet());
        assertThat(views.tensor("fc.weight").dtype()).isEqualTo("DoubleStorage");
        plain.tensors().forEach((name, tensor) -> {
            assertThat(views.tensor(name).shape()).as(name).containsExactly(tensor.shape());
            assertThat(views.tensor(name).values()).as(name).containsExactly(tensor.values());
        });
    }

    @Test
    void protocolFourFramingMemoAndStackGlobalsRead() {
        StateDict four = StateDictReader.read(FIXTURES.resolve("lstm1_protocol4.pt"));
        StateDict two = StateDictReader.read(FIXTURES.resolve("lstm1.pt"));
        assertThat(four.tensors().keySet()).containsExactlyElementsOf(two.tensors().keySet());
        two.tensors().forEach((name, tensor) -> assertThat(four.tensor(name).values()).as(name).containsExactly(tensor.values()));
    }

    @Test
    void storageOffsetAndStridesPickTheViewsElementsInRowMajorOrder() throws IOException {
        PickleBytes pickle = PickleBytes.protocol(2).emptyDict().mark().string("w")
                .tensor("FloatStorage", "0", 10, 3, new int[] {2, 2}, new int[] {1, 2}).setItems().stop();
        Path file = pickle.writeZip(dir.resolve("view.pt"), Map.of("0", PickleBytes.floats(10)));
        TorchTensor w = StateDictReader.read(file).tensor("w");
        assertThat(w.shape()).containsExactly(2, 2);
        assertThat(w.values()).as("w[i][j] = storage[3 + i + 2j]").containsExactly(3, 5, 4, 6);
    }

    @Test
    void aViewReachingPastItsStorageIsRefused() throws IOException {
        PickleBytes pickle = PickleBytes.protocol(2).emptyDict().mark().string("w")
                .tensor("FloatStorage", "0", 4, 0, new int[] {2, 3}, new int[] {3, 1}).setItems().stop();
        Path file = pickle.writeZip(dir.resolve("outside.pt"), Map.of("0", PickleBytes.floats(4)));
        assertThatThrownBy(() -> StateDictReader.read(file)).isInstanceOf(ImportException.class)
                .hasMessageContaining("outside.pt").hasMessageContaining("reaches element 5 of a storage of 4 elements");
    }

    @Test
    void aStorageShorterThanItsPersistentIdSaysIsRefused() throws IOException {
        PickleBytes pickle = PickleBytes.protocol(2).emptyDict().mark().string("w")
                .tensor("FloatStorage", "0", 10, 0, new int[] {2}, new int[] {1}).setItems().stop();
        Path file = pickle.writeZip(dir.resolve("short.pt"), Map.of("0", PickleBytes.floats(2)));
        assertThatThrownBy(() -> StateDictReader.read(file)).isInstanceOf(ImportException.class)
                .hasMessageContaining("archive/data/0 holds 8 bytes; its persistent id says 10 x FloatStorage (40 bytes)");
    }

    @Test
    void theSeedsHostilePickleIsRefusedAtItsGlobal() {
        assertThatThrownBy(() -> StateDictReader.read(FIXTURES.resolve("hostile.pt"))).isInstanceOf(ImportException.class)
                .hasMessage(FIXTURES.resolve("hostile.pt") + ": hostile/data.pkl byte 2: global posix.system is not allowed in a state_dict "
                        + "(allowed: " + PickleGlobals.ALLOWED + "); nothing was built");
    }

    @Test
    void hostileGlobalsAreRefusedBeforeAnythingAfterThemIsBuilt() {
        AtomicInteger tensorsBuilt = new AtomicInteger();
        RestrictedUnpickler.TensorSource counting = (storage, offset, size, stride) -> {
            tensorsBuilt.incrementAndGet();
            return new TorchTensor("FloatStorage", new int[] {1}, new double[] {0});
        };
        for (String[] global : List.of(new String[] {"os", "system"}, new String[] {"builtins", "eval"}, new String[] {"__main__", "X"},
                new String[] {"torch", "load"}, new String[] {"collections", "OrderedDictX"})) {
            // the global's call comes first, a tensor after it: neither may run
            byte[] pickle = PickleBytes.protocol(2).global(global[0], global[1]).string("print(1)").op(0x85).reduce()
                    .emptyDict().mark().string("w").tensor("FloatStorage", "0", 1, 0, new int[] {1}, new int[] {1}).setItems().stop().bytes();
            assertThatThrownBy(() -> RestrictedUnpickler.load(pickle, "test.pkl", counting)).isInstanceOf(ImportException.class)
                    .hasMessage("test.pkl byte 2: global " + global[0] + "." + global[1] + " is not allowed in a state_dict (allowed: "
                            + PickleGlobals.ALLOWED + "); nothing was built");
        }
        byte[] stackGlobal = PickleBytes.protocol(4).op(0x8c, 2).op('o', 's').op(0x8c, 6).op("system".chars().toArray()).op(0x93)
                .string("id").op(0x85).reduce().stop().bytes();
        assertThatThrownBy(() -> RestrictedUnpickler.load(stackGlobal, "test.pkl", counting)).hasMessageContaining("byte 14: global os.system");
        assertThat(tensorsBuilt).as("tensors built by refused pickles").hasValue(0);
    }

    @Test
    void opcodesThatInstantiateClassesAreRefused() {
        RestrictedUnpickler.TensorSource none = (storage, offset, size, stride) -> {
            throw new AssertionError("no tensor");
        };
        byte[] newObj = PickleBytes.protocol(2).global("collections", "OrderedDict").op(')', 0x81).stop().bytes();
        assertThatThrownBy(() -> RestrictedUnpickler.load(newObj, "p", none)).hasMessage("p byte 28: opcode 0x81 NEWOBJ (an instance of a class) "
                + "is not an opcode a state_dict uses; nothing was built");
        byte[] inst = PickleBytes.protocol(2).mark().op('i').op("os\nsystem\n".chars().toArray()).stop().bytes();
        assertThatThrownBy(() -> RestrictedUnpickler.load(inst, "p", none)).hasMessageContaining("p byte 3: opcode 0x69 INST");
        byte[] callStorage = PickleBytes.protocol(2).global("torch", "FloatStorage").op(')').reduce().stop().bytes();
        assertThatThrownBy(() -> RestrictedUnpickler.load(callStorage, "p", none))
                .hasMessageContaining("REDUCE calls torch.FloatStorage, which is not callable in a state_dict");
    }

    @Test
    void aWholePickledModuleIsRefusedSayingToSaveItsStateDict() {
        Path file = FIXTURES.resolve("whole_module.pt");
        assertThatThrownBy(() -> StateDictReader.read(file)).isInstanceOf(ImportException.class)
                .hasMessage(file + ": whole_module/data.pkl byte 2: the file holds a whole pickled module (class __main__.LSTMModel), not a "
                        + "state_dict: save it with torch.save(model.state_dict(), path) and import that; nothing was built");
    }

    @Test
    void truncatedNonZipEmptyAndLegacyFilesGetOneLineEach() throws IOException {
        byte[] good = Files.readAllBytes(FIXTURES.resolve("lstm2.pt"));
        Path truncated = Files.write(dir.resolve("truncated.pt"), Arrays.copyOf(good, good.length / 2));
        assertThatThrownBy(() -> StateDictReader.read(truncated)).isInstanceOf(ImportException.class)
                .hasMessageStartingWith(truncated + ": the file is truncated or corrupt (");
        Path text = Files.writeString(dir.resolve("notes.pt"), "epoch,loss\n1,0.3\n");
        assertThatThrownBy(() -> StateDictReader.read(text))
                .hasMessage(text + ": not a PyTorch state_dict file (not a zip archive; torch.save writes one since PyTorch 1.6)");
        Path empty = Files.write(dir.resolve("empty.pt"), new byte[0]);
        assertThatThrownBy(() -> StateDictReader.read(empty)).hasMessage(empty + ": the file is empty");
        Path legacy = Files.write(dir.resolve("legacy.pt"), new byte[] {(byte) 0x80, 2, (byte) 0x8a, 10, 0x6c, (byte) 0xfc});
        assertThatThrownBy(() -> StateDictReader.read(legacy)).hasMessageContaining("the legacy torch.save format");
        assertThatThrownBy(() -> StateDictReader.read(dir.resolve("absent.pt"))).hasMessage(dir.resolve("absent.pt") + ": no such file");
    }

    @Test
    void aPickleCutShortIsRefusedAsTruncated() {
        byte[] pickle = PickleBytes.protocol(2).emptyDict().mark().string("lstm.weight_ih_l0").bytes();
        byte[] cut = Arrays.copyOf(pickle, pickle.length - 3);
        assertThatThrownBy(() -> RestrictedUnpickler.load(cut, "p", null))
                .hasMessage("p ends at byte " + cut.length + ", inside the opcode at byte 4 or before its STOP: the file is truncated or corrupt");
        byte[] noStop = PickleBytes.protocol(2).emptyDict().bytes();
        assertThatThrownBy(() -> RestrictedUnpickler.load(noStop, "p", null)).hasMessageContaining("the file is truncated or corrupt");
    }

    @Test
    void limitsOnNestingStackMemoAndStringLengths() {
        PickleBytes deep = PickleBytes.protocol(2);
        for (int i = 0; i <= RestrictedUnpickler.MAX_MARKS; i++) {
            deep.mark();
        }
        assertThatThrownBy(() -> RestrictedUnpickler.load(deep.stop().bytes(), "p", null)).hasMessageContaining("nested deeper than 256 marks");

        PickleBytes wide = PickleBytes.protocol(2);
        for (int i = 0; i <= RestrictedUnpickler.MAX_STACK; i++) {
            wide.op('N');
        }
        assertThatThrownBy(() -> RestrictedUnpickler.load(wide.stop().bytes(), "p", null)).hasMessageContaining("more than 65536 items on the pickle stack");

        PickleBytes memo = PickleBytes.protocol(4).op('N');
        for (int i = 0; i <= RestrictedUnpickler.MAX_MEMO; i++) {
            memo.op(0x94);
        }
        assertThatThrownBy(() -> RestrictedUnpickler.load(memo.stop().bytes(), "p", null)).hasMessageContaining("more than 1048576 memo entries");

        byte[] longString = PickleBytes.protocol(2).op('X', 0xff, 0xff, 0xff, 0x7f).op('a', 'b').stop().bytes();
        assertThatThrownBy(() -> RestrictedUnpickler.load(longString, "p", null))
                .hasMessage("p byte 2: a string of 2147483647 bytes (at most 1048576); nothing was built");

        byte[] hugeInteger = PickleBytes.protocol(2).op(0x8a, 9, 1, 2, 3, 4, 5, 6, 7, 8, 9).stop().bytes();
        assertThatThrownBy(() -> RestrictedUnpickler.load(hugeInteger, "p", null)).hasMessageContaining("an integer of 9 bytes (at most 8)");
    }

    @Test
    void aTensorOfMoreElementsThanAllowedIsRefusedBeforeItsStorageIsRead() throws IOException {
        PickleBytes pickle = PickleBytes.protocol(2).emptyDict().mark().string("w")
                .tensor("FloatStorage", "0", 1, 0, new int[] {1 << 14, 1 << 14}, new int[] {0, 0}).setItems().stop();
        Path file = pickle.writeZip(dir.resolve("huge.pt"), Map.of("0", PickleBytes.floats(1)));
        assertThatThrownBy(() -> StateDictReader.read(file)).hasMessageContaining("more than 134217728 elements");
    }

    @Test
    void aCheckpointDictSaysToSaveTheModelsStateDictAlone() throws IOException {
        PickleBytes pickle = PickleBytes.protocol(2).emptyDict().mark().string("epoch").integer(7).string("model_state_dict").emptyDict()
                .mark().string("w").tensor("FloatStorage", "0", 1, 0, new int[] {1}, new int[] {1}).setItems().setItems().stop();
        Path file = pickle.writeZip(dir.resolve("checkpoint.pt"), Map.of("0", PickleBytes.floats(1)));
        assertThatThrownBy(() -> StateDictReader.read(file)).hasMessage(file + ": entry 'model_state_dict' is itself a dict (a training "
                + "checkpoint?): save the model's state_dict alone, e.g. torch.save(checkpoint['model_state_dict'], path), and import that");
    }

    @Test
    void halfAndBfloat16TensorsOfACudaStateDictRead() throws IOException {
        PickleBytes pickle = PickleBytes.protocol(2).emptyDict().mark()
                .string("h").tensor("HalfStorage", "0", "cuda:0", 2, 0, new int[] {2}, new int[] {1})
                .string("b").tensor("BFloat16Storage", "1", "cuda:0", 2, 0, new int[] {2}, new int[] {1}).setItems().stop();
        Path file = pickle.writeZip(dir.resolve("cuda.pt"), Map.of("0", new byte[] {0x00, 0x3c, 0x00, (byte) 0xc0},
                "1", new byte[] {(byte) 0x80, 0x3f, 0x40, (byte) 0xc0}));
        StateDict state = StateDictReader.read(file);
        assertThat(state.tensor("h").values()).containsExactly(1.0, -2.0);
        assertThat(state.tensor("b").values()).containsExactly(1.0, -3.0);
    }

    @Test
    void halfPrecisionConvertsExactly() {
        assertThat(StorageType.halfToFloat((short) 0x3c00)).isEqualTo(1.0f);
        assertThat(StorageType.halfToFloat((short) 0xc000)).isEqualTo(-2.0f);
        assertThat(StorageType.halfToFloat((short) 0x3555)).isEqualTo(0.333251953125f);
        assertThat(StorageType.halfToFloat((short) 0x0001)).isEqualTo(0x1p-24f);
        assertThat(StorageType.halfToFloat((short) 0x7c00)).isEqualTo(Float.POSITIVE_INFINITY);
    }
}
