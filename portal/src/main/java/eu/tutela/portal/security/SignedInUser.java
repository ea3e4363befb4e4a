package eu.tutela.portal.security;

import java.io.Serial;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/** The OIDC principal, tied to the portal user it signed in as. */
public class SignedInUser extends DefaultOidcUser {

    @Serial
    private static final long serialVersionUID = 1L;

    static final String ORGANIZATION_CLAIM = "organization";

    private final UUID portalUserId;

    SignedInUser(OidcUser oidc, Collection<? extends GrantedAuthority> authorities, UUID portalUserId) {
        super(authorities, oidc.getIdToken(), oidc.getUserInfo(), "sub");
        this.portalUserId = portalUserId;
    }

    public UUID portalUserId() {
        return portalUserId;
    }

    /**
     * The aliases of the Keycloak organizations the token vouches for. Keycloak writes the claim as
     * a list of aliases, or as an object keyed by alias when organization attributes are mapped.
     */
    public Set<String> organizationAliases() {
        Object claim = getClaims().get(ORGANIZATION_CLAIM);
        Set<String> aliases = new TreeSet<>();
        if (claim instanceof Collection<?> list) {
            list.forEach(alias -> aliases.add(String.valueOf(alias)));
        } else if (claim instanceof Map<?, ?> map) {
            map.keySet().forEach(alias -> aliases.add(String.valueOf(alias)));
        } else if (claim instanceof String single) {
            aliases.addAll(List.of(single));
        }
        return aliases;
    }
}
