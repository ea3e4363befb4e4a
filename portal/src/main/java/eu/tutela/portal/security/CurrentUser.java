package eu.tutela.portal.security;

import eu.tutela.portal.tenancy.ActingPerson;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The person behind the current request, if signed in. */
@Component
public class CurrentUser {

    private final PortalUsers users;

    CurrentUser(PortalUsers users) {
        this.users = users;
        ActingPerson.useRequestSource(() -> signedIn().map(SignedInUser::portalUserId));
    }

    public Optional<SignedInUser> signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SignedInUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    public Optional<PortalUser> portalUser() {
        return signedIn().flatMap(user -> users.find(user.portalUserId()));
    }
}
