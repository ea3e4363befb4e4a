package eu.tutela.policy;

import eu.tutela.policy.render.PdfPolicyRenderer;
import eu.tutela.policy.render.RenderedPolicy;

/**
 * One rendering of a policy. {@code html} is sanitised and deterministic; {@code contentHash} is the
 * hex SHA-256 of its UTF-8 bytes, the fingerprint a published version is stored with.
 */
public record Rendering(RenderedPolicy policy, String html, String contentHash) {

    public String markdown() {
        return policy.markdown();
    }

    /** Printed on demand: a PDF costs far more than the HTML it is printed from. */
    public byte[] pdf() {
        return PdfPolicyRenderer.toPdf(html);
    }
}
