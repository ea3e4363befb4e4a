package eu.tutela.portal.demo;

import eu.tutela.portal.rights.RequestType;
import eu.tutela.portal.rights.RightsRequests;
import eu.tutela.portal.tenancy.Tenant;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** HEMI's DPO finds a request in the queue from the first start: Emma Nguyen's question about her data. */
@Component
class DemoRequests {

    private final RightsRequests requests;

    DemoRequests(RightsRequests requests) {
        this.requests = requests;
    }

    void askOnce(Tenant university, UUID student) {
        boolean asked = DemoActor.as(student, university, () -> requests.mine().stream().anyMatch(r -> r.type() == RequestType.QUESTION));
        if (!asked) {
            DemoActor.as(student, university, () -> requests.submit(requests.subjects().getFirst().personId(), RequestType.QUESTION,
                    "Bonjour, à qui transmettez-vous mes notes et pendant combien de temps les gardez-vous ? Emma Nguyen"));
        }
    }
}
