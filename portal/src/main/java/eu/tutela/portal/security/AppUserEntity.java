package eu.tutela.portal.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Optional;
import java.util.UUID;

/**
 * A person's record. Rows are made and bound only by owner-run functions (registration, sign-in);
 * the application may change the columns it has been granted, nothing else, so the others are read-only here.
 */
@Entity
@Table(name = "app_user")
class AppUserEntity {

    @Id
    private UUID id;
    @Column(updatable = false)
    private String subject;
    @Column(updatable = false)
    private String email;
    @Column(name = "display_name")
    private String displayName;
    private String locale;
    @Column(name = "platform_operator", updatable = false)
    private boolean platformOperator;

    protected AppUserEntity() {
    }

    PortalUser toPortalUser() {
        return new PortalUser(id, email, displayName, Optional.ofNullable(locale), platformOperator);
    }

    void setLocale(String locale) {
        this.locale = locale;
    }
}
