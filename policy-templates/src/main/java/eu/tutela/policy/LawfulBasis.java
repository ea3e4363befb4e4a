package eu.tutela.policy;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The six lawful bases of GDPR Article 6(1), by the letter the catalogue writes ("a" … "f"). */
public enum LawfulBasis {
    A, B, C, D, E, F;

    /** The letter as the article and the catalogue write it: "a". */
    public String letter() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The article reference as the policy text cites it: "6(1)(a)". */
    public String article() {
        return "6(1)(" + letter() + ")";
    }

    /** Consent is the only basis a person can refuse or withdraw without consequence for the rest. */
    public boolean isConsent() {
        return this == A;
    }

    /** The basis of a letter, "a" to "f" in either case; empty for anything else. */
    public static Optional<LawfulBasis> ofLetter(String letter) {
        return Arrays.stream(values()).filter(b -> b.letter().equalsIgnoreCase(letter == null ? "" : letter.trim())).findFirst();
    }
}
