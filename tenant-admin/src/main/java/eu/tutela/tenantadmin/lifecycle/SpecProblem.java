package eu.tutela.tenantadmin.lifecycle;

/**
 * One thing wrong with the values for a new tenant.
 *
 * @param field   the field it concerns ({@code slug}, {@code displayName}, {@code country}, {@code languages},
 *                {@code timeZone}, {@code dpoEmail}, {@code firstAdminEmail})
 * @param code    a stable code, for a localised message ({@code slug.characters}, {@code country.unknown}…)
 * @param message the same in English, for the command line and logs
 */
public record SpecProblem(String field, String code, String message) {

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
