package eu.tutela.portal.security;

/** Why a Keycloak account that signed in correctly is still not let in; the sign-in page tells the person. */
public enum SignInRefusal {
    /** Keycloak has not verified the e-mail the account presents. */
    UNVERIFIED_EMAIL("unverified_email"),
    /** The e-mail belongs to a portal user bound to another Keycloak account. */
    EMAIL_TAKEN("identity_conflict");

    private final String code;

    SignInRefusal(String code) {
        this.code = code;
    }

    /** The OAuth2 error code, and the sign-in page's {@code error} parameter. */
    public String code() {
        return code;
    }
}
