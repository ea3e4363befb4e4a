package eu.tutela.portal.people;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a person asks to have corrected in their registry record (GDPR Art. 16): each field given is the value it should
 * have; a null one stays as it is.
 */
public record Correction(String givenName, String familyName, LocalDate birthDate, String email, String phone) {

    public Correction {
        givenName = PersonRules.blankToNull(givenName);
        familyName = PersonRules.blankToNull(familyName);
        email = PersonRules.blankToNull(email);
        phone = PersonRules.blankToNull(phone);
    }

    public boolean isEmpty() {
        return givenName == null && familyName == null && birthDate == null && email == null && phone == null;
    }

    /** The fields it corrects, by name ({@code givenName}…), with the value asked for (a date in ISO form). */
    public Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        put(fields, "givenName", givenName);
        put(fields, "familyName", familyName);
        put(fields, "birthDate", birthDate == null ? null : birthDate.toString());
        put(fields, "email", email);
        put(fields, "phone", phone);
        return fields;
    }

    /** Read back from {@link #fields()}. */
    public static Correction of(Map<String, String> fields) {
        String birth = fields.get("birthDate");
        return new Correction(fields.get("givenName"), fields.get("familyName"), birth == null ? null : LocalDate.parse(birth),
                fields.get("email"), fields.get("phone"));
    }

    /**
     * What the registry's own rules say of the values asked for, by field (a name with markup, a birth date in the
     * future, an address that is none…); empty when each would be accepted. {@code today} is the institution's date.
     */
    public Map<String, String> problems(LocalDate today) {
        PersonDetails asked = new PersonDetails(null, givenName == null ? "-" : givenName, familyName == null ? "-" : familyName,
                birthDate, null, email, phone, null, null, null);
        Map<String, String> problems = new LinkedHashMap<>(PersonRules.check(asked, today).problems());
        problems.keySet().retainAll(fields().keySet());
        return problems;
    }

    PersonDetails applyTo(PersonDetails record) {
        return new PersonDetails(record.kind(), givenName == null ? record.givenName() : givenName,
                familyName == null ? record.familyName() : familyName, birthDate == null ? record.birthDate() : birthDate,
                record.className(), email == null ? record.email() : email, phone == null ? record.phone() : phone, record.language(),
                record.jobFunction(), record.externalId());
    }

    private static void put(Map<String, String> fields, String name, String value) {
        if (value != null) {
            fields.put(name, value);
        }
    }
}
