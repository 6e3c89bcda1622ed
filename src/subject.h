/* subject.h — which certificate a value is about.
 *
 * A CP/CPS gives durations, frequencies and algorithms for several classes
 * of certificate side by side: a validity table with rows for Root,
 * Subordinate, cross and Subscriber certificates; a CRL section with one
 * frequency for Subscriber certificates and another for CA certificates; a
 * profile per certificate type. A rule about Subscriber certificates must
 * judge only the values about them. This module names the classes a piece
 * of matching text (text.h: folded, accents stripped) speaks of, in
 * English, French, Italian and Spanish, and parses a rule's `subject` key.
 *
 * Classes are bits; a text may name several ("Subscriber and Subordinate CA
 * certificates"). Strong words name a class outright ("Root CA",
 * "certificats d'AC", "end-entity", "Subscriber"); weak words only suggest
 * the Subscriber class ("TLS", "SSL", "server") and count only when no
 * strong word is present, so "Root CA certificates for TLS" is a root's. A
 * Subscriber of another kind of certificate ("Subscriber - Code Signing")
 * is SUBJ_OTHER, not SUBJ_SUBSCRIBER, unless a weak TLS word is there too;
 * so is "Subscriber - S/MIME" SUBJ_SMIME.
 * "The CA" alone names no class: it is the operator, not a certificate; nor
 * does an issuer ("certificates issued by the Subordinate CA", "délivrés
 * par l'AC racine"), unless its own certificate follows ("signed by a
 * delegated OCSP responder whose certificate ..."), or a program ("Root
 * Store Policy"). Client authentication certificates and certificates "not
 * publicly trusted" are of another kind (SUBJ_OTHER).
 *
 * S/MIME (email protection) end-entity certificates have their own class,
 * SUBJ_SMIME, because a root program may cover them and not the other kinds
 * (the Mozilla Root Store Policy covers TLS server and S/MIME certificates,
 * not code or document signing ones). To a rule that does not name `smime`
 * an S/MIME value is SUBJ_OTHER, as it was before the class existed
 * (subject_fold).
 *
 * Pure functions over caller-owned text; no allocation, no global state.
 */
#ifndef CPSLINT_SUBJECT_H
#define CPSLINT_SUBJECT_H

#include <stddef.h>

enum {
    SUBJ_SUBSCRIBER = 1u << 0,  /* Subscriber / end-entity / leaf / TLS server */
    SUBJ_ROOT = 1u << 1,        /* Root CA certificates, ARLs of a root */
    SUBJ_SUBORDINATE = 1u << 2, /* Subordinate / Intermediate / Issuing CA certificates */
    SUBJ_CROSS = 1u << 3,       /* cross certificates */
    SUBJ_OCSP = 1u << 4,        /* OCSP responder (delegated responder) certificates */
    SUBJ_PRECERT = 1u << 5,     /* precertificate signing certificates */
    SUBJ_OTHER = 1u << 6,       /* end-entity certificates that are neither TLS server
                                   nor S/MIME ones: code signing, time-stamping, document
                                   signing, client authentication, not publicly trusted */
    SUBJ_SMIME = 1u << 7,       /* S/MIME (email protection) end-entity certificates */
    SUBJ_CA = SUBJ_ROOT | SUBJ_SUBORDINATE | SUBJ_CROSS,
    SUBJ_ANY = 0xff
};

/* The classes s[0..n) names (0 when none). Words are matched whole, on
 * ASCII word boundaries, with an optional plural s. Linear in n times the
 * size of the word table (about 120 entries). */
unsigned subject_classes(const char *s, size_t n);

/* Classes c as a rule about classes `rule` reads them: SUBJ_SMIME becomes
 * SUBJ_OTHER unless the rule names SUBJ_SMIME. */
unsigned subject_fold(unsigned c, unsigned rule);

/* Parse a `subject` value: names separated by spaces or commas among
 * subscriber, ca, root, subordinate, cross, ocsp, precert, other, smime,
 * any.
 * Returns 0 and sets *out, or -1 naming the bad word in bad[0..badlen). */
int subject_parse(const char *v, unsigned *out, char *bad, size_t badlen);

/* "subscriber", "root, subordinate", ... for messages: the names of the
 * bits of c written into buf (always NUL-terminated); returns buf. */
const char *subject_names(unsigned c, char *buf, size_t len);

#endif
