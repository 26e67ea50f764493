package org.lstm4j.data;

import java.io.IOException;
import java.io.Reader;

/**
 * Lines of a text, as {@link java.io.BufferedReader#readLine()} splits them ({@code \n}, {@code \r\n} or {@code \r}),
 * but never longer than a limit: a file without line breaks cannot make the reader hold all of it in memory.
 */
final class BoundedLines {
    private final Reader reader;
    private final int maxChars;
    private final char[] buffer = new char[8192];
    private int position;
    private int limit;
    private boolean skipLineFeed;

    /**
     * @param reader   the text
     * @param maxChars the longest line {@link #next} returns
     */
    BoundedLines(Reader reader, int maxChars) {
        this.reader = reader;
        this.maxChars = maxChars;
    }

    /**
     * The next line without its terminator, or {@code null} at the end of the text.
     *
     * @throws LineTooLongException when the line has more than {@code maxChars} characters
     */
    String next() throws IOException {
        StringBuilder line = null;
        while (true) {
            if (position == limit && !fill()) {
                return line == null ? null : line.toString();
            }
            if (skipLineFeed) {
                skipLineFeed = false;
                if (buffer[position] == '\n') {
                    position++;
                    continue;
                }
            }
            int start = position;
            while (position < limit && buffer[position] != '\n' && buffer[position] != '\r') {
                position++;
            }
            if (line == null) {
                line = new StringBuilder(Math.min(position - start + 16, maxChars));
            }
            if (line.length() + position - start > maxChars) {
                throw new LineTooLongException(maxChars);
            }
            line.append(buffer, start, position - start);
            if (position < limit) {
                skipLineFeed = buffer[position] == '\r';
                position++;
                return line.toString();
            }
        }
    }

    private boolean fill() throws IOException {
        int n = reader.read(buffer, 0, buffer.length);
        if (n <= 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }

    /** A line longer than the limit. */
    static final class LineTooLongException extends IOException {
        private static final long serialVersionUID = 1L;

        LineTooLongException(int maxChars) {
            super("a line is longer than " + maxChars + " characters");
        }
    }
}
