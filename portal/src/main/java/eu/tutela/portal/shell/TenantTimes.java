package eu.tutela.portal.shell;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Instants as a person reads them: in the tenant's time zone, in their language, with the zone named. */
public record TenantTimes(ZoneId zone, Locale locale) {

    public String format(Instant instant) {
        if (instant == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale).withZone(zone)
                .format(instant) + " (" + zone.getId() + ")";
    }
}
