package eu.tutela.portal.privacy;

import java.util.List;

/**
 * One module's account of the personal data it stores. Implemented once per module, package-private, as a bean;
 * called within a transaction bound to the subject's institution, as the platform's own work (the caller has checked
 * who may ask).
 */
public interface PersonalDataProvider {

    /** The module's name, which names its part of an archive ({@code people}, {@code consent}…). */
    String module();

    /** What it stores. */
    List<DataCategory> categories();

    /** Everything it holds about the subject, written to the sink; throws when it cannot, never leaves out silently. */
    void export(DataSubject subject, ExportSink sink);
}
