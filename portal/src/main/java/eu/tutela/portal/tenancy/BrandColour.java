package eu.tutela.portal.tenancy;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An institution's primary colour, and the text colour that stays readable on it: black or white,
 * whichever contrasts more (WCAG 2.1 relative luminance), so that a pale yellow brand keeps its
 * buttons legible.
 */
public record BrandColour(String hex) {

    public static final BrandColour DEFAULT = new BrandColour("#1f5f8b");
    private static final Pattern HEX = Pattern.compile("#[0-9a-f]{6}");

    public static Optional<BrandColour> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String normal = value.strip().toLowerCase(Locale.ROOT);
        return HEX.matcher(normal).matches() ? Optional.of(new BrandColour(normal)) : Optional.empty();
    }

    public String foreground() {
        double l = luminance();
        double onWhite = 1.05 / (l + 0.05);
        double onBlack = (l + 0.05) / 0.05;
        return onBlack >= onWhite ? "#000000" : "#ffffff";
    }

    /** Contrast ratio between this colour and its {@link #foreground()}: at least 4.5 for normal text is AA. */
    public double contrast() {
        double l = luminance();
        return Math.max(1.05 / (l + 0.05), (l + 0.05) / 0.05);
    }

    private double luminance() {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        return 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb);
    }

    private static double channel(int value) {
        double c = (value & 0xff) / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
