package org.lstm4j.cli.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One-line JSON objects of strings, numbers, booleans and nulls: what {@code torch_bench.py} prints and what
 * {@code lstm bench --json} prints. Reads Python's {@code NaN}/{@code Infinity} too.
 */
final class FlatJson {
    private FlatJson() {}

    /** {@code {"key":value,...}}; non-finite numbers become {@code null}. */
    static String write(Map<String, ?> object) {
        StringBuilder out = new StringBuilder("{");
        for (Map.Entry<String, ?> e : object.entrySet()) {
            if (out.length() > 1) {
                out.append(',');
            }
            quote(e.getKey(), out);
            out.append(':');
            Object v = e.getValue();
            if (v == null) {
                out.append("null");
            } else if (v instanceof Double d) {
                out.append(Double.isFinite(d) ? d.toString() : "null");
            } else if (v instanceof Float f) {
                out.append(Float.isFinite(f) ? Double.toString(f) : "null");
            } else if (v instanceof Number || v instanceof Boolean) {
                out.append(v);
            } else {
                quote(v.toString(), out);
            }
        }
        return out.append('}').toString();
    }

    private static void quote(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /**
     * Parses a flat object: integers become {@link Long}, other numbers {@link Double} ({@code NaN}/{@code Infinity}
     * included).
     *
     * @throws IllegalArgumentException when {@code text} is not one flat JSON object
     */
    static Map<String, Object> parse(String text) {
        Parser p = new Parser(text.trim());
        Map<String, Object> object = p.object();
        if (p.pos != p.s.length()) {
            throw p.error("text after the object");
        }
        return object;
    }

    private static final class Parser {
        final String s;
        int pos;

        Parser(String s) {
            this.s = s;
        }

        Map<String, Object> object() {
            Map<String, Object> result = new LinkedHashMap<>();
            expect('{');
            skipSpace();
            if (peek() == '}') {
                pos++;
                return result;
            }
            while (true) {
                skipSpace();
                String key = string();
                skipSpace();
                expect(':');
                skipSpace();
                result.put(key, value());
                skipSpace();
                char c = next();
                if (c == '}') {
                    return result;
                }
                if (c != ',') {
                    throw error("expected , or }");
                }
            }
        }

        Object value() {
            char c = peek();
            if (c == '"') {
                return string();
            }
            if (s.startsWith("null", pos)) {
                pos += 4;
                return null;
            }
            if (s.startsWith("true", pos)) {
                pos += 4;
                return Boolean.TRUE;
            }
            if (s.startsWith("false", pos)) {
                pos += 5;
                return Boolean.FALSE;
            }
            for (String special : new String[] {"NaN", "Infinity", "-Infinity"}) {
                if (s.startsWith(special, pos)) {
                    pos += special.length();
                    return Double.valueOf(special);
                }
            }
            int start = pos;
            while (pos < s.length() && "+-0123456789.eE".indexOf(s.charAt(pos)) >= 0) {
                pos++;
            }
            if (start == pos) {
                throw error("expected a value");
            }
            String number = s.substring(start, pos);
            try {
                if (number.matches("-?[0-9]{1,18}")) {
                    return Long.valueOf(number);
                }
                return Double.valueOf(number);
            } catch (NumberFormatException e) {
                throw error("bad number");
            }
        }

        String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                char c = next();
                if (c == '"') {
                    return out.toString();
                }
                if (c == '\\') {
                    char e = next();
                    switch (e) {
                        case 'n' -> out.append('\n');
                        case 'r' -> out.append('\r');
                        case 't' -> out.append('\t');
                        case 'b' -> out.append('\b');
                        case 'f' -> out.append('\f');
                        case 'u' -> {
                            if (pos + 4 > s.length()) {
                                throw error("bad escape");
                            }
                            out.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                            pos += 4;
                        }
                        default -> out.append(e);
                    }
                } else {
                    out.append(c);
                }
            }
        }

        void skipSpace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        char peek() {
            if (pos >= s.length()) {
                throw error("unexpected end");
            }
            return s.charAt(pos);
        }

        char next() {
            char c = peek();
            pos++;
            return c;
        }

        void expect(char c) {
            if (next() != c) {
                throw error("expected " + c);
            }
        }

        IllegalArgumentException error(String what) {
            return new IllegalArgumentException("not a flat JSON object (" + what + " at " + pos + "): " + s);
        }
    }
}
