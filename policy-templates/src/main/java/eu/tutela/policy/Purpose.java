package eu.tutela.policy;

/**
 * One processing purpose of a tenant's policy, in one language, as {@link PolicyTemplates#purposes} gives it:
 * what the portal seeds a tenant's purposes from. {@code sectionId} is the policy section that states it;
 * a consent purpose is always off until someone consents ({@code defaultOn} false), any other is always on.
 */
public record Purpose(String id, String name, String description, LawfulBasis basis, boolean consentRequired,
                      String sectionId, boolean defaultOn) {
}
