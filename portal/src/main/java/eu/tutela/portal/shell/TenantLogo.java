package eu.tutela.portal.shell;

import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import eu.tutela.portal.tenancy.TenantSettingsService;
import java.io.ByteArrayInputStream;
import java.util.UUID;

/**
 * An institution's logo as an image source. An SVG is only ever shown through {@code <img>}, where a
 * browser runs nothing it contains (and the upload kept none of that in the first place).
 */
public final class TenantLogo {

    private TenantLogo() {
    }

    public static DownloadHandler of(TenantSettingsService settings, UUID tenantId) {
        return DownloadHandler.fromInputStream(event -> settings.logo(tenantId)
                .map(logo -> new DownloadResponse(new ByteArrayInputStream(logo.bytes()), "logo", logo.contentType(),
                        logo.bytes().length))
                .orElseGet(() -> DownloadResponse.error(404)));
    }
}
