/**
 * The personal-data provider contract (shared/DESIGN.md, "The personal-data provider contract"): every module that
 * stores personal data provides one {@link eu.tutela.portal.privacy.PersonalDataProvider}, which describes what it
 * stores, exports all it holds on one data subject, and says what erasing them does to each of its categories (erased,
 * anonymised, or kept under a named legal hold). {@link eu.tutela.portal.privacy.PersonalData} asks them all; one that
 * fails fails the whole export or erasure, never a silently partial one (unlike Moodle's, which skips a failing
 * provider). This module depends on no other: the subject is resolved by whoever asks.
 */
package eu.tutela.portal.privacy;
