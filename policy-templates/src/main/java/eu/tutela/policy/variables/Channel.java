package eu.tutela.policy.variables;

import eu.tutela.policy.Lang;

/** A way the institution reaches people, or people reach it. */
public enum Channel {
    EMAIL("e-mail", "e-mail"),
    SMS("SMS", "SMS"),
    WHATSAPP("WhatsApp", "WhatsApp"),
    PHONE("téléphone", "telephone"),
    POST("courrier postal", "post"),
    IN_APP("messagerie de la plateforme", "in-app messages"),
    AUTOMATED("messages automatisés", "automated messages");

    private final String fr;
    private final String en;

    Channel(String fr, String en) {
        this.fr = fr;
        this.en = en;
    }

    public String label(Lang lang) {
        return lang == Lang.FR ? fr : en;
    }
}
