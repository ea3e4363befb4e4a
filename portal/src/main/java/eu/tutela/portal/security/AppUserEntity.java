package eu.tutela.portal.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Optional;
import java.util.UUID;

@Entity
@Table(name = "app_user")
class AppUserEntity {

    @Id
    private UUID id;
    private String subject;
    private String email;
    @Column(name = "display_name")
    private String displayName;
    private String locale;
    @Column(name = "platform_operator")
    private boolean platformOperator;

    protected AppUserEntity() {
    }

    AppUserEntity(String email, String displayName) {
        this.id = UUID.randomUUID();
        this.email = email;
        this.displayName = displayName;
    }

    PortalUser toPortalUser() {
        return new PortalUser(id, email, displayName, Optional.ofNullable(locale), platformOperator);
    }

    String subject() {
        return subject;
    }

    void bindSubject(String subject) {
        this.subject = subject;
    }

    void rename(String displayName) {
        this.displayName = displayName;
    }

    void setLocale(String locale) {
        this.locale = locale;
    }

    void setPlatformOperator(boolean platformOperator) {
        this.platformOperator = platformOperator;
    }
}
