/* profile.h — what a document is, decided before it is judged.
 *
 * A document profile has a kind (a Certificate Policy, a Certification
 * Practice Statement, a combined CP/CPS, or not a CA's policy at all: a
 * requirements standard such as the TLS BR, or a root program's policy)
 * and a set of certificate scopes (TLS server, S/MIME, code signing,
 * other). Each is decided from evidence found in one pass over the
 * document's blocks with plain substring scans of their matching text
 * (text.h: folded, accents stripped), so French and English read alike and
 * other languages fall through to "unknown":
 *
 *   kind    the title (<title>, front matter, headings before section 1):
 *           "Certification Practice Statement", "Certificate Policy",
 *           "CP/CPS", "Déclaration des pratiques de certification",
 *           "Politique de certification"; a self-reference in the front
 *           matter or sections 1, 1.1, 1.2 ("This CPS", "la présente
 *           DPC"); for not-a-policy, a standard's or root program's title
 *           ("Baseline Requirements", "Root Store Policy") or a forum's
 *           self-reference ("these Requirements", "criteria established by
 *           the CA/Browser Forum"), supported by the generic voice of a
 *           standard ("a CA's CPS", "in their CPS"). Generic voice alone
 *           never makes a document not-a-policy: a CP speaks the same way.
 *   scopes  policy OIDs (the strongest: 2.23.140.1.2.x and 2.23.140.1.1 TLS,
 *           2.23.140.1.31 onion; 2.23.140.1.5.x S/MIME; 2.23.140.1.4.x and
 *           2.23.140.1.3 code signing), extended key usages in the profiles
 *           (serverAuth, emailProtection, codeSigning, by name or OID; one
 *           written in a negated clause, "SHALL NOT be present", is not
 *           evidence for its scope, and a negated serverAuth is evidence
 *           against TLS; nor is any type named among the prohibited uses
 *           of 1.4.2), statements of conformance to the TLS BR, the
 *           S/MIME BR or the code-signing BR (not in a negated clause:
 *           "the TLS Baseline Requirements do not apply"), and words of
 *           the title.
 *
 * A CPS that names a CP published apart is a stand-alone CPS (separate_cp):
 * duties addressed to the CP are for that CP. A CPS that names none is the
 * CA's only policy document, and they apply to it.
 *
 * Evidence is scored (profile.c says the weights). A scope is in the set
 * when its score reaches PROFILE_SCOPE_MIN; evidence for a scope that the
 * title and overview do not state, next to a scope they do state, is
 * contradictory: both scopes are kept and `note` says so. When nothing
 * decides, kind is PROFILE_KIND_UNKNOWN or scopes is 0 (unknown): every
 * rule then applies, as before profiles existed, and the report says so.
 *
 * Cost: one pass over the blocks, a fixed list of needles per block, no
 * regular expressions.
 *
 * Ownership: a doc_profile owns its evidence and strings (profile_free).
 */
#ifndef CPSLINT_PROFILE_H
#define CPSLINT_PROFILE_H

#include <stddef.h>

#include "analysis.h"
#include "buf.h"
#include "outline.h"

typedef enum {
    PROFILE_KIND_UNKNOWN = 0,
    PROFILE_KIND_CP,
    PROFILE_KIND_CPS,
    PROFILE_KIND_CP_CPS,
    PROFILE_KIND_NOT_POLICY
} profile_kind;

enum {
    PROFILE_SCOPE_TLS = 1u << 0,
    PROFILE_SCOPE_SMIME = 1u << 1,
    PROFILE_SCOPE_CODE = 1u << 2,
    PROFILE_SCOPE_OTHER = 1u << 3,
    PROFILE_SCOPE_ALL = 0xfu
};

/* What a piece of evidence supports. */
typedef enum {
    PROFILE_FOR_CP = 0,
    PROFILE_FOR_CPS,
    PROFILE_FOR_CP_CPS,
    PROFILE_FOR_NOT_POLICY,
    PROFILE_FOR_TLS,
    PROFILE_FOR_SMIME,
    PROFILE_FOR_CODE,
    PROFILE_FOR_OTHER,
    PROFILE_FOR_COUNT
} profile_for;

#define PROFILE_SCOPE_MIN 2

typedef struct profile_evidence {
    profile_for supports;
    int weight;               /* negative: evidence against (a negated serverAuth) */
    const char *what;         /* static: "title", "policy OID", "EKU serverAuth", ... */
    char section[OUTLINE_NUM_MAX]; /* "" for the title or front matter */
    char *quote;              /* the text, trimmed (owned) */
    long line;                /* 0 unknown */
} profile_evidence;

typedef struct doc_profile {
    profile_kind kind;
    unsigned scopes;          /* PROFILE_SCOPE_* bits; 0 unknown */
    int kind_forced;          /* 1: kind given by --kind */
    int scopes_forced;        /* 1: scopes given by --scope */
    int separate_cp;          /* the front matter or 1.1/1.2 refers to a CP
                                 published apart ("the ISRG Certificate Policy
                                 (CP)", "sa politique de certification"): a
                                 CPS that is not the CA's only policy document */
    profile_evidence *ev;     /* in document order within each target */
    size_t nev;
    char *note;               /* contradictory or undecided evidence, or NULL */
} doc_profile;

/* Decide the profile of a (builds the matching text of the blocks it
 * reads). Never fails: no evidence gives kind unknown and scopes 0. *p
 * owns what it holds (profile_free). */
void profile_detect(analysis *a, doc_profile *p);
/* The same without keeping the blocks' matching text in a (each block is
 * folded and freed in turn): for outline, which needs no more of it. */
void profile_detect_light(analysis *a, doc_profile *p);

/* Apply --kind / --scope (kind < 0, scopes 0: not given). */
void profile_force(doc_profile *p, int kind, unsigned scopes);

/* "cp", "cps", "cp-cps", "not-a-policy" -> kind; -1 otherwise. */
int profile_kind_parse(const char *s);
/* "tls-server,smime" -> bits; 0 for anything not a comma-separated list of
 * tls-server, smime, code-signing, other. */
unsigned profile_scopes_parse(const char *s);

/* The allowed values, for usage messages. */
#define PROFILE_KINDS_ALLOWED "cp, cps, cp-cps, not-a-policy"
#define PROFILE_SCOPES_ALLOWED "tls-server, smime, code-signing, other"

/* "cp", "cps", "cp-cps", "not-a-policy", "unknown". */
const char *profile_kind_name(profile_kind k);
/* A reader's name: "a Certificate Policy (CP)", ... */
const char *profile_kind_label(profile_kind k);
/* The name of one scope bit ("tls-server"); "unknown" for 0. */
const char *profile_scope_name(unsigned bit);
/* A reader's name of one scope bit ("TLS server", "S/MIME"). */
const char *profile_scope_label(unsigned bit);
/* "tls-server,smime" (or "unknown") into out of size n. */
void profile_scopes_str(unsigned scopes, char *out, size_t n);
/* "cp", "tls-server", ... for an evidence target. */
const char *profile_for_name(profile_for f);

/* A clause of the matching text s[0..n) that hands a duty to the CPS in
 * words: it names the CPS ("CPS", "Certification Practice(s) Statement",
 * "DPC", "Déclaration des pratiques de certification") and says it
 * specifies, describes, defines, documents or sets out something ("as
 * specified in the CPS", "the CPS describes", "SHALL identify in Section
 * 4.2 of the CPS", "défini dans la DPC"). Returns 1 and the clause's span
 * in [*cs, *ce), else 0. For a stand-alone CP: a CPS saying so of itself
 * is not a delegation. */
int profile_delegates(const char *s, size_t n, size_t *cs, size_t *ce);

/* ---- presentation, shared by every report, outline and diff ---- */

/* The profile for a reader, one line then its evidence:
 *     profile: a Certification Practice Statement (CPS), scopes tls-server (detected)
 *       cps: title: "ISRG Certification Practice Statement"
 *       tls-server: CA/B Forum TLS policy OID in 7.1.6: "2.23.140.1.2.1"
 *       note: ...
 * all: every piece of evidence; else the first that decided the kind and
 * each scope, evidence against, and a separate CP. Unknown kind or scope
 * says that every rule applies. markdown: a paragraph and a bullet list. */
void profile_write_text(buf *out, const doc_profile *p, int markdown, int all);
/* {"kind", "kind_source", "scopes": [...], "scopes_source", "source",
 *  "separate_cp", "evidence": [{"for", "weight", "what", "section", "quote",
 *  "line"}], "note"} as
 * the value of the current key of w (json.h). source is "option" when
 * either part was forced, else "detected". */
struct json_w;
void profile_write_json(struct json_w *w, const doc_profile *p);
/* "cps; tls-server,smime (detected)" into out. */
void profile_summary(const doc_profile *p, char *out, size_t n);

void profile_free(doc_profile *p);

#endif
