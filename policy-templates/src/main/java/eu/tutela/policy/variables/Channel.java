package eu.tutela.policy.variables;

/** A way the institution reaches people, or people reach it. Labels: catalogue/labels/*.yaml, "channels". */
public enum Channel {
    EMAIL, SMS, WHATSAPP, PHONE, POST, IN_APP, AUTOMATED
}
