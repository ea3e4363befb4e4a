package eu.tutela.policy.variables;

/**
 * What a variable holds. The type decides how a value is checked ({@link ValueChecks}) and how it is
 * written into the policy ({@link ValueFormats}).
 */
public enum VariableType {
    /** One line of plain text; markup is refused. */
    TEXT,
    /** A list of plain-text items (e.g. extra data categories). */
    TEXT_LIST,
    EMAIL,
    /** An absolute http or https address. */
    URL,
    PHONE,
    /** A positive amount of days, weeks, months or years, e.g. "3 years" or "13 mois". */
    DURATION,
    /** An ISO 3166-1 alpha-2 code. */
    COUNTRY,
    /** A whole number (e.g. an age). */
    INTEGER,
    /** A list of {@link Channel} codes. */
    CHANNELS,
    /** A list of {@link RecipientCategory} codes. */
    RECIPIENT_CATEGORIES,
    /** A list of processors: name, category, country, and a safeguard when outside the EEA. */
    PROCESSORS
}
