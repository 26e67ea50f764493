package org.lstm4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code lstm}'s main builds the model of the named subcommand only, and the user sees the same command either way. */
class SubcommandRegistrationTest {
    private static final String[] ALL = {"train", "validate", "predict", "evaluate", "tune", "info", "export", "bench",
            "serve", "quantize", "import", "help"};

    @Test
    void aRunOfOneSubcommandRegistersOnlyThatOne() {
        assertThat(commandLine("train", "x.yaml").getSubcommands()).containsOnlyKeys("train");
        assertThat(commandLine("bench", "--help").getSubcommands()).containsOnlyKeys("bench");
    }

    @Test
    void helpNoArgumentsOptionsAndUnknownNamesRegisterEverySubcommand() {
        for (String[] arguments : new String[][] {{}, {"--help"}, {"--version"}, {"help", "train"}, {"trian"}}) {
            assertThat(commandLine(arguments).getSubcommands().keySet()).as(String.join(" ", arguments))
                    .containsExactly(ALL);
        }
    }

    @Test
    void theListingAndASubcommandsUsageAreTheSameAsWithEverySubcommand() {
        assertThat(CliRun.of("--help").out()).contains("train", "serve", "import", "Exit codes:");
        assertThat(CliRun.of("train", "--help").out()).isEqualTo(usage("train"));
        assertThat(CliRun.of("help", "predict").out()).isEqualTo(usage("predict"));
    }

    @Test
    void everyDescriptionFormatsWithoutPicocliWarnings() {
        PrintStream standardError = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            for (String subcommand : ALL) {
                CliRun.of(subcommand, "--help");
            }
        } finally {
            System.setErr(standardError);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain("picocli WARN");
    }

    @Test
    void aMistypedSubcommandStillGetsItsSuggestion() {
        CliRun run = CliRun.of("trian", "examples/sine/sine.yaml");
        assertThat(run.exitCode()).isEqualTo(LstmCommand.BAD_INPUT);
        assertThat(run.err()).contains("Unmatched argument", "Did you mean", "train");
    }

    private static CommandLine commandLine(String... arguments) {
        return LstmCommand.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                arguments);
    }

    /** A subcommand's usage from the command line with every subcommand registered. */
    private static String usage(String subcommand) {
        StringWriter out = new StringWriter();
        CommandLine all = LstmCommand.commandLine(new PrintWriter(out, true), new PrintWriter(new StringWriter()));
        all.getSubcommands().get(subcommand).usage(new PrintWriter(out, true));
        return out.toString();
    }
}
