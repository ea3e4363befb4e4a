package eu.tutela.portal.rights;

import eu.tutela.portal.security.PortalUser;
import eu.tutela.portal.security.PortalUsers;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** A request's timeline with the name of who wrote each step (the requester's as they gave it at submission). */
@Component
class RequestTimeline {

    private final RightsRequestRepository repository;
    private final PortalUsers users;

    RequestTimeline(RightsRequestRepository repository, PortalUsers users) {
        this.repository = repository;
        this.users = users;
    }

    List<RequestEvent> of(RightsRequestRepository.Stored request) {
        List<RightsRequestRepository.StoredEvent> stored = repository.timeline(request.id());
        Map<UUID, String> names = users.findAll(stored.stream().map(RightsRequestRepository.StoredEvent::byUser).filter(Objects::nonNull)
                        .collect(Collectors.toSet())).stream()
                .collect(Collectors.toMap(PortalUser::id, PortalUser::displayName, (a, b) -> a));
        return stored.stream().map(e -> new RequestEvent(e.id(), e.kind(), e.status(), e.body(), e.byUser() == null ? null
                : e.byUser().equals(request.requesterUserId()) ? request.requesterName() : names.get(e.byUser()), e.at())).toList();
    }
}
