package org.lstm4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstm4j.cli.serve.TrainedBundles;

/**
 * What a user sees for a damaged bundle: one line naming the file and what is wrong, exit code 2, whichever
 * command reads it (here {@code lstm predict}). The bundle's {@code format.json} lists each entry's size and SHA-256.
 */
class BundleIntegrityTest {
    @TempDir
    Path dir;

    @Test
    void aFlippedBitInAnEntryIsCaughtByItsChecksum() throws IOException {
        Path damaged = BundleEdits.rewrite(TrainedBundles.UNI, dir.resolve("flip.zip"), "parameters.bin",
                bytes -> BundleEdits.flipBit(bytes, bytes.length / 2));
        assertRefused(damaged, ": corrupt model bundle: entry parameters.bin does not match its SHA-256 in format.json "
                + "(the file was damaged or altered)");
    }

    @Test
    void anEntryOfTheWrongSizeIsNamedWithBothSizes() throws IOException {
        Path damaged = BundleEdits.rewrite(TrainedBundles.UNI, dir.resolve("short.zip"), "scalers.json",
                bytes -> Arrays.copyOf(bytes, bytes.length - 1));
        assertRefusedMatching(damaged, ": corrupt model bundle: entry scalers.json has (\\d+) bytes, format.json says (\\d+)");
    }

    @Test
    void aMissingEntryIsNamed() throws IOException {
        Path damaged = BundleEdits.rewrite(TrainedBundles.UNI, dir.resolve("missing.zip"), "experiment.json", bytes -> null);
        assertRefused(damaged, ": corrupt model bundle: entry experiment.json is missing (format.json lists it)");
    }

    @Test
    void aFlippedBitInTheCompressedFileIsRefusedInOneLine() throws IOException {
        byte[] file = Files.readAllBytes(TrainedBundles.UNI);
        int failures = 0;
        for (int at = 40; at < file.length - 30; at += Math.max(1, file.length / 25)) {
            Path damaged = Files.write(dir.resolve("raw" + at + ".zip"), BundleEdits.flipBit(file, at));
            CliRun run = CliRun.of("predict", damaged.toString(), "--input", TrainedBundles.HISTORY.toString());
            if (run.exitCode() != 0) {
                failures++;
                assertThat(run.exitCode()).as("byte %d: %s", at, run.err()).isEqualTo(LstmCommand.BAD_INPUT);
                assertThat(run.err().lines()).as("byte %d", at).hasSize(1);
                assertThat(run.err()).startsWith("lstm predict: " + damaged + ": ");
            }
        }
        assertThat(failures).as("flips of the compressed data are caught").isGreaterThan(15);
    }

    @Test
    void aTruncatedFileIsRefused() throws IOException {
        byte[] file = Files.readAllBytes(TrainedBundles.UNI);
        Path cut = Files.write(dir.resolve("cut.zip"), Arrays.copyOf(file, file.length - 10));
        CliRun run = CliRun.of("predict", cut.toString(), "--input", TrainedBundles.HISTORY.toString());
        assertThat(run.exitCode()).isEqualTo(LstmCommand.BAD_INPUT);
        assertThat(run.err().strip()).isEqualTo("lstm predict: " + cut + ": the model bundle is truncated or corrupt (no end of zip directory)");
    }

    @Test
    void aZipBombIsRefusedBeforeItFillsTheHeap() throws IOException {
        Path bomb = dir.resolve("bomb.zip");
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(bomb))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("parameters.bin"));
            byte[] zeros = new byte[1 << 20];
            for (int mib = 0; mib < 300; mib++) { // 300 MiB of zeros, a few hundred KB compressed
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        assertRefused(bomb, ": not a model bundle, or a damaged one (its entries hold more than 256 MiB, at parameters.bin)");
    }

    @Test
    void aZipOfManyEntriesIsRefused() throws IOException {
        Path many = dir.resolve("many.zip");
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(many))) {
            for (int i = 0; i < 100; i++) {
                zip.putNextEntry(new java.util.zip.ZipEntry("e" + i));
                zip.closeEntry();
            }
        }
        assertRefused(many, ": not a model bundle (more than 64 entries)");
    }

    private static void assertRefused(Path bundle, String message) {
        CliRun run = CliRun.of("predict", bundle.toString(), "--input", TrainedBundles.HISTORY.toString());
        assertThat(run.exitCode()).isEqualTo(LstmCommand.BAD_INPUT);
        assertThat(run.err().strip()).isEqualTo("lstm predict: " + bundle + message);
        assertThat(run.out()).isEmpty();
    }

    private static void assertRefusedMatching(Path bundle, String regex) {
        CliRun run = CliRun.of("predict", bundle.toString(), "--input", TrainedBundles.HISTORY.toString());
        assertThat(run.exitCode()).isEqualTo(LstmCommand.BAD_INPUT);
        assertThat(run.err().strip()).matches("lstm predict: " + Pattern.quote(bundle.toString()) + regex);
    }
}
