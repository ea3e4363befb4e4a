package eu.tutela.portal.tenancy;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface MembershipRepository extends JpaRepository<MembershipEntity, UUID> {

    List<MembershipEntity> findByUserId(UUID userId);
}
