package eu.tutela.portal.rights;

import java.util.List;

/** A request with its timeline, oldest step first: the whole of it for the DPO, what concerns them for the requester. */
public record RequestDetail(RightsRequest request, List<RequestEvent> timeline) {
}
