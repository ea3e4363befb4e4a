package eu.tutela.portal.tenancy;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Locale;
import java.util.Optional;

/** A bare e-mail address as people type it, checked by Jakarta Mail's strict parser and lower-cased. */
public final class EmailAddress {

    private EmailAddress() {
    }

    /** The address, normalised; empty when it is not one (a name, a list, a missing domain). */
    public static Optional<String> parse(String typed) {
        if (typed == null || typed.isBlank() || typed.length() > 254) {
            return Optional.empty();
        }
        String candidate = typed.strip();
        try {
            InternetAddress address = new InternetAddress(candidate, true);
            address.validate();
            String value = address.getAddress();
            int at = value.lastIndexOf('@');
            if (!value.equals(candidate) || at < 1 || !value.substring(at + 1).contains(".") || value.endsWith(".")) {
                return Optional.empty();
            }
            return Optional.of(value.toLowerCase(Locale.ROOT));
        } catch (AddressException e) {
            return Optional.empty();
        }
    }
}
