/** Files people open in a spreadsheet (exports of the audit trail, of acceptances): written so that no cell runs as a formula. */
package eu.tutela.portal.spreadsheet;
