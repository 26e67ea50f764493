package org.lstm4j.cli.bench;

/** A workload that could not be measured; the message says why. */
final class BenchException extends RuntimeException {
    BenchException(String message) {
        super(message);
    }
}
