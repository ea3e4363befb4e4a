package eu.tutela.portal.consent;

/** A way to reach a person (the HEMI policy lists them: e-mail, SMS, WhatsApp, telephone, post). */
public enum Channel {
    EMAIL, SMS, WHATSAPP, PHONE, POST
}
