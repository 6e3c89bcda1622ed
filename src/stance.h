/* stance.h — does the document offer what a match names, or only mention it?
 *
 * A forbid rule about a validation method (BR 3.2.2.4.N, 3.2.2.5.N) must
 * fail only where the CA offers the method, not where it quotes a
 * requirement, states a condition ("for methods performed under ..."),
 * cites a revision, defines a term or disclaims the method. stance_classify
 * reads the construct around one match and answers with one of:
 *
 *   OFFERED     an offering construct: a clause with an offer cue ("the CA
 *               validates ... using", "in compliance with", "Les méthodes
 *               utilisées sont"), a list introduced by one, a method
 *               section whose body does not disclaim it, a table row that
 *               says "Used"/"Yes", a paragraph that opens with the method
 *               as a label;
 *   MENTIONED   a mention cue in the clause (condition, reference to the
 *               BR's list, history, prohibition, definition), a use whose
 *               stop date ("until DATE") is past, a heading with no text,
 *               a heading number that the section shows to be a local
 *               label (`local` cue: its text describes another method, or
 *               gives the BR number it is equivalent to); the definitions
 *               (1.6); a method named in words in a block that also holds
 *               a method number, or under a method section (the number
 *               decides);
 *   DISCLAIMED  a disclaimer ("does not use", "n'utilise pas", "Not used",
 *               "Reserved") in force on the as-of date ("Effective DATE,
 *               the CA will not use this method" with DATE still ahead is
 *               an offer until then);
 *   UNCLEAR     none of the above: the caller reports no finding, at most
 *               a note (a wrong error costs more than a missed warning).
 *
 * Words are data, structure is code: the cues are the rule's pattern
 * groups (`unless` = disclaim, `mention`, `offer`, `local`), reached
 * through a callback; this module decides which text each cue is looked
 * for in and which one wins. Negation and conditions bind to their
 * sub-clause: "does not use 3.2.2.4.1, and uses 3.2.2.4.2" disclaims .1
 * and offers .2 (stance_segment splits at ";", ", and", "but", "whereas",
 * "et", "mais", "tandis que"); a sub-clause without any cue takes the cues
 * of its whole clause ("uses 3.2.2.4.7, 3.2.2.4.19 and 3.2.2.4.20").
 * Precedence in a (sub-)clause: disclaim > mention > past stop date >
 * offer.
 *
 * Ownership: nothing returned is allocated; out->why is a fixed buffer.
 */
#ifndef CPSLINT_STANCE_H
#define CPSLINT_STANCE_H

#include <stddef.h>

#include "analysis.h"
#include "date.h"

typedef enum {
    STANCE_UNCLEAR = 0,
    STANCE_OFFERED,
    STANCE_MENTIONED,
    STANCE_DISCLAIMED
} stance_kind;

typedef enum {
    CUE_DISCLAIM = 0,  /* the rule's `unless` */
    CUE_MENTION,       /* `mention` */
    CUE_OFFER,         /* `offer` */
    CUE_LOCAL          /* `local`: looked for in a heading and its first body clause */
} stance_cue;

/* The cue oracle: 1 when a cue of class `cue` occurs in s[0..n), with its
 * span in [*cs, *ce) (relative to s); 0 when none; -1 when a pattern
 * could not run. blk is the block s belongs to (a prefilter hint), or
 * (size_t)-1 for text built from several blocks. */
typedef struct stance_cues {
    int (*find)(void *ctx, stance_cue cue, size_t blk, const char *s, size_t n,
                size_t *cs, size_t *ce);
    void *ctx;
} stance_cues;

typedef struct stance {
    stance_kind kind;
    char why[200];     /* the construct seen: "offered: a list of methods used
                          ('the following methods are used:')" */
    int dated;         /* 1: a date of the text was compared with the as-of
                          date, so another as-of date may classify otherwise */
} stance;

/* Classify the match [ms, me) of the folded text of block bi. Returns 0,
 * or -1 when a cue could not run (out->kind is then UNCLEAR). */
int stance_classify(analysis *a, const stance_cues *cues, cps_date as_of,
                    size_t bi, size_t ms, size_t me, stance *out);

/* The sub-clause of s[cs, ce) holding pos, as [*ss, *se). */
void stance_segment(const char *s, size_t cs, size_t ce, size_t pos,
                    size_t *ss, size_t *se);

/* A stop or start date in s[0..n): STOP_UNTIL for "until/before/jusqu'au
 * DATE" (use ends then), STOP_FROM for "effective/from/as of/à compter du
 * DATE" (a statement applies from then), STOP_NONE when none. */
typedef enum { STOP_NONE = 0, STOP_UNTIL, STOP_FROM } stance_stop;
stance_stop stance_stop_date(const char *s, size_t n, cps_date *date);

const char *stance_kind_name(stance_kind k); /* "offered", "mentioned"... */

#endif
