package eu.tutela.portal.people;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * The encodings spreadsheets are saved in, and which one a file is in, learnt while its bytes go by. The candidates
 * are few and told apart by rules rather than guessed by statistics: text that decodes as UTF-8 is UTF-8 (a Windows
 * file with accents never does); otherwise bytes 0x80–0x9F are Windows-1252's printable characters (€, œ, curly
 * quotes) and only control codes in ISO-8859-1, so their presence means Windows-1252. The JDK's strict decoder does
 * the UTF-8 check; the person can override the result.
 */
public enum TextEncoding {
    UTF_8("UTF-8"), WINDOWS_1252("windows-1252"), ISO_8859_1("ISO-8859-1");

    private final String charsetName;

    TextEncoding(String charsetName) {
        this.charsetName = charsetName;
    }

    public Charset charset() {
        return Charset.forName(charsetName);
    }

    public static Optional<TextEncoding> named(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        for (TextEncoding e : values()) {
            if (e.name().equalsIgnoreCase(name.strip()) || e.charsetName.equalsIgnoreCase(name.strip())) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** Watches a file's bytes in order; {@link #encoding()} and {@link #binary()} tell what they were. */
    static final class Detector {

        /** A NUL byte in the first kilobytes: a binary file (a spreadsheet's native format, an image), not text. */
        private static final int BINARY_WINDOW = 8192;

        private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        private final CharBuffer sink = CharBuffer.allocate(8192);
        private ByteBuffer pending = ByteBuffer.allocate(0);
        private boolean validUtf8 = true;
        private boolean c1Controls;
        private boolean binary;
        private long seen;

        void update(byte[] bytes, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                int b = bytes[i] & 0xff;
                if (b >= 0x80 && b <= 0x9f) {
                    c1Controls = true;
                } else if (b == 0 && seen + (i - offset) < BINARY_WINDOW) {
                    binary = true;
                }
            }
            seen += length;
            if (validUtf8) {
                ByteBuffer in = ByteBuffer.allocate(pending.remaining() + length);
                in.put(pending).put(bytes, offset, length).flip();
                decode(in, false);
                pending = in.slice();
            }
        }

        private void decode(ByteBuffer in, boolean end) {
            while (true) {
                sink.clear();
                CoderResult result = utf8.decode(in, sink, end);
                if (result.isError()) {
                    validUtf8 = false;
                    return;
                }
                if (result.isUnderflow()) {
                    return;
                }
            }
        }

        boolean binary() {
            return binary;
        }

        TextEncoding encoding() {
            if (validUtf8 && pending.hasRemaining()) {
                decode(pending, true);
                validUtf8 = validUtf8 && !pending.hasRemaining();
            }
            if (validUtf8) {
                return UTF_8;
            }
            return c1Controls ? WINDOWS_1252 : ISO_8859_1;
        }
    }

    @Override
    public String toString() {
        return charsetName.toUpperCase(Locale.ROOT);
    }
}
