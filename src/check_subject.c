/* check_subject.c — which certificate a value in the document is about:
 * subject.h's classes read from the value's surroundings (check_internal.h
 * says in which order), and dated permissions that are not use. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "check_internal.h"
#include "subject.h"

static unsigned block_classes(analysis *a, size_t k)
{
    const text_map *tm = analysis_folded(a, k);
    return tm && tm->len ? subject_classes(tm->s, tm->len) : 0;
}

static size_t first_of_table(const analysis *a, size_t bi)
{
    int t = a->d.blocks[bi].table;
    while (bi > 0 && a->d.blocks[bi - 1].table == t)
        bi--;
    return bi;
}

/* Row labels (first cells) and column headers of the table starting at
 * block first: the classes they name, all rows together. Tables of a CPS
 * are small; the walk stops at 2,000 cells. */
static unsigned table_labels(analysis *a, size_t first)
{
    unsigned u = 0;
    int t = a->d.blocks[first].table;
    for (size_t k = first; k < a->d.nblocks && a->d.blocks[k].table == t && k - first < 2000; k++) {
        const doc_block *b = &a->d.blocks[k];
        if ((b->row > 0 && b->col == 0) || (b->row == 0 && b->col > 0))
            u |= block_classes(a, k);
    }
    return u;
}

/* "Note: ...", "NB: ...", "Remarque : ..." */
static int is_note(const text_map *tm)
{
    static const char *const w[] = {"note:", "note :", "notes:", "nb:", "n.b.", "remarque :",
                                    "remarque:", "nota:", "nota :", NULL};
    for (size_t i = 0; tm && w[i]; i++)
        if (tm->len >= strlen(w[i]) && !memcmp(tm->s, w[i], strlen(w[i])))
            return 1;
    return 0;
}

/* The paragraph that leads into block bi: for a list item, the nearest
 * earlier paragraph of its section past the list's other items; for a
 * paragraph, the one just before it. Only a paragraph ending with ':'
 * leads in ("For the status of Subordinate CA Certificates:"); a note
 * between a list and its lead-in is skipped. */
static size_t lead_in(analysis *a, size_t bi)
{
    int si = a->o.block_sec[bi];
    int list = a->d.blocks[bi].kind == BLOCK_LIST_ITEM;
    for (size_t k = bi; k-- > 0 && bi - k <= 200;) {
        if (a->o.block_sec[k] != si || a->o.roles[k] == ROLE_HEADING)
            return (size_t)-1;
        const doc_block *b = &a->d.blocks[k];
        if (list && b->kind == BLOCK_LIST_ITEM)
            continue;
        if (b->kind != BLOCK_PARAGRAPH)
            return (size_t)-1;
        const text_map *tm = analysis_folded(a, k);
        size_t n = tm ? tm->len : 0;
        if (list && is_note(tm))
            continue; /* "Note: ..." between a list and its lead-in is an aside */
        while (n > 0 && tm->s[n - 1] == ' ')
            n--;
        return n > 0 && tm->s[n - 1] == ':' ? k : (size_t)-1;
    }
    return (size_t)-1;
}

/* The caption of the table starting at block first: an unnumbered heading
 * or a short paragraph at most 3 blocks above it, in its section. */
static size_t caption_of(analysis *a, size_t first)
{
    int si = a->o.block_sec[first];
    for (size_t k = first; k-- > 0 && first - k <= 3;) {
        if (a->o.block_sec[k] != si || a->o.roles[k] == ROLE_HEADING)
            return (size_t)-1;
        const doc_block *b = &a->d.blocks[k];
        if (b->kind == BLOCK_HEADING)
            return k;
        if (b->kind == BLOCK_PARAGRAPH) {
            const text_map *tm = analysis_folded(a, k);
            return tm && tm->len <= 300 ? k : (size_t)-1;
        }
        if (b->kind == BLOCK_TABLE_CELL)
            return (size_t)-1;
    }
    return (size_t)-1;
}

void chk_value_context(analysis *a, size_t bi, chk_table_memo *memo, chk_value_ctx *v)
{
    memset(v, 0, sizeof *v);
    const doc_block *b = &a->d.blocks[bi];
    if (b->kind == BLOCK_TABLE_CELL && b->table > 0) {
        size_t first = first_of_table(a, bi);
        /* the row label, then the column header, then the caption */
        for (size_t k = bi; k-- > first && !v->near;) {
            const doc_block *x = &a->d.blocks[k];
            if (x->row != b->row)
                break;
            if (x->col == 0)
                v->near = block_classes(a, k);
        }
        for (size_t k = first; k < bi && !v->near; k++) {
            const doc_block *x = &a->d.blocks[k];
            if (x->row != 0)
                break;
            if (x->col == b->col && b->row > 0)
                v->near = block_classes(a, k);
        }
        size_t cap = caption_of(a, first);
        if (!v->near && cap != (size_t)-1)
            v->near = block_classes(a, cap);
        if (!memo || memo->table != b->table) {
            unsigned l = table_labels(a, first);
            if (!memo)
                v->labels = l;
            else {
                memo->table = b->table;
                memo->labels = l;
            }
        }
        if (memo)
            v->labels = memo->labels;
    } else {
        size_t li = lead_in(a, bi);
        if (li != (size_t)-1)
            v->near = block_classes(a, li);
    }
    /* the section's heading, then its parent's */
    int si = a->o.block_sec[bi];
    for (int up = 0; si >= 0 && up < 2 && !v->section; up++) {
        const section *s = &a->o.secs[si];
        if (s->heading_block != (size_t)-1)
            v->section = block_classes(a, s->heading_block);
        si = s->parent;
    }
}

int chk_subject_other(const rule *r, unsigned seg, unsigned clause, const chk_value_ctx *v)
{
    if (!r->subject)
        return 0;
    /* S/MIME is "other" to a rule that does not name it (subject.h) */
    unsigned rs = r->subject;
    seg = subject_fold(seg, rs);
    clause = subject_fold(clause, rs);
    unsigned near = subject_fold(v->near, rs), heading = subject_fold(v->section, rs);
    unsigned labels = subject_fold(v->labels, rs);
    /* "The Subscriber requests suspension of an S/MIME certificate": the
     * Subscriber before the value is the person; the clause, read whole,
     * says whose certificate (subject.c: a Subscriber of another kind) */
    if (seg == SUBJ_SUBSCRIBER && clause && !(clause & ~(unsigned)(SUBJ_OTHER | SUBJ_SMIME)))
        seg = clause;
    unsigned cls = seg ? seg : near ? near : clause ? clause : heading;
    if (cls)
        return !(cls & rs);
    /* no class said, in a table whose rows are of several classes, some
     * not the rule's: a reviewer cannot tell either */
    return (labels & ~rs) != 0;
}

/* 1 if word w starts at s[at] (bounded on both sides). */
static int word_at(const char *s, size_t n, size_t at, const char *w)
{
    size_t k = strlen(w);
    return at + k <= n && !memcmp(s + at, w, k) && (at == 0 || !isalnum((unsigned char)s[at - 1])) &&
           (at + k == n || !isalnum((unsigned char)s[at + k]));
}

/* 1 if one of w occurs in s[0..n) as a word. */
static int has_word(const char *s, size_t n, const char *const *w)
{
    for (size_t i = 0; w[i]; i++)
        for (size_t at = 0; at < n; at++)
            if (word_at(s, n, at, w[i]))
                return 1;
    return 0;
}

/* A permission with an end date, or a window closed by as_of; *dated = 1
 * when an end date was compared with as_of. */
static int dated_permission(const char *s, size_t n, const char *lang, cps_date as_of,
                            int *dated)
{
    static const char *const may[] = {"may", "might", "could", "permitted", "allowed", "peut",
                                      "peuvent", "pouvait", "pouvaient", "pourra", "pourront",
                                      "autorise", "autorisee", "autorises", "autorisees", "permis",
                                      NULL};
    int permission = -1;
    for (size_t from = 0; from < n;) {
        size_t a, b, cue;
        cps_date d = date_find(s + from, n - from, lang, &a, &b);
        if (d == DATE_NONE)
            break;
        chk_date_dir dir = chk_date_direction(s, from + a, &cue);
        if (dir == DIR_END_INCL || dir == DIR_END_EXCL) {
            *dated = 1;
            if ((dir == DIR_END_INCL ? d + 1 : d) <= as_of)
                return 1; /* "until 2017-01-01", "prior to 2016-01-01": over */
            if (permission < 0)
                permission = has_word(s, n, may);
            if (permission)
                return 1; /* a transition the requirement itself grants */
        }
        from += b > 0 ? b : 1;
    }
    return 0;
}

/* The requirements as the actor: "the Baseline Requirements allow ...",
 * "the BRs prohibit ...", "les exigences de base imposent ...". */
static const char *const req_names[] = {"baseline requirements", "brs", "the br", "cab forum",
                                        "ca/browser forum", "ca/b forum", "exigences de base",
                                        "les br", NULL};
static const char *const req_verbs[] = {
    "allow", "allows", "allowed", "permit", "permits", "permitted", "require", "requires",
    "required", "prohibit", "prohibits", "prohibited", "forbid", "forbids", "forbade", "limit",
    "limits", "limited", "cap", "caps", "capped", "set", "sets", "state", "states", "stated",
    "mandate", "mandates", "mandated", "specify", "specifies", "specified", "say", "says", "said",
    "autorisent", "autorisaient", "imposent", "imposaient", "exigent", "exigeaient",
    "interdisent", "interdisaient", "limitent", "limitaient", "permettent", "permettaient",
    "prevoient", "prevoyaient", NULL};
/* A bygone version of the requirements as the frame of the clause. */
static const char *const req_frames[] = {"under earlier versions of", "under previous versions of",
                                         "under former versions of", "under older versions of",
                                         "under an earlier version of", "under a previous version of",
                                         "selon les anciennes versions", "selon les versions anterieures",
                                         "dans les versions anterieures", NULL};

int chk_requirement_voice(const char *s, size_t cs, size_t ms)
{
    size_t *st = NULL;
    size_t nc = text_clauses(s + cs, ms - cs, &st);
    size_t from = cs + (nc ? st[nc - 1] : 0); /* the sentence holding the value */
    free(st);
    for (size_t at = from; at < ms; at++) {
        for (size_t i = 0; req_frames[i]; i++)
            if (word_at(s, ms, at, req_frames[i]))
                return 1;
        for (size_t i = 0; req_names[i]; i++) {
            if (!word_at(s, ms, at, req_names[i]))
                continue;
            /* "as the BRs require, the CA ...", "comme les exigences de base
             * l'imposent, l'AC ...": the CA's statement */
            int as = 0;
            for (size_t k = at > from + 12 ? at - 12 : from; k < at && !as; k++)
                as = word_at(s, at, k, "as") || word_at(s, at, k, "comme");
            if (as)
                continue;
            /* a verb within a few words after the name, in the same clause */
            size_t e = at + strlen(req_names[i]);
            for (size_t k = e; k < ms && k < e + 48 && s[k] != ',' && s[k] != ';'; k++)
                for (size_t v = 0; req_verbs[v]; v++)
                    if (word_at(s, ms, k, req_verbs[v]))
                        return 1;
        }
    }
    return 0;
}

int chk_forbid_elsewhere(const rule *r, analysis *a, size_t bi, const char *s, size_t cs,
                         size_t ce, size_t ms, cps_date as_of, chk_table_memo *memo,
                         int *dated)
{
    if (!r->subject)
        return 0;
    chk_value_ctx v;
    chk_value_context(a, bi, memo, &v);
    if (chk_subject_other(r, subject_classes(s + cs, ms - cs), subject_classes(s + cs, ce - cs), &v))
        return 1;
    const char *lang = a->lang[0] ? a->lang : NULL;
    if (dated_permission(s + cs, ce - cs, lang, as_of, dated))
        return 1;
    size_t li = a->d.blocks[bi].kind == BLOCK_LIST_ITEM ? lead_in(a, bi) : (size_t)-1;
    if (li == (size_t)-1)
        return 0;
    const text_map *it = analysis_folded(a, li);
    size_t *st = NULL;
    size_t nc = text_clauses(it->s, it->len, &st);
    size_t lcs = nc ? st[nc - 1] : 0;
    free(st);
    return dated_permission(it->s + lcs, it->len - lcs, lang, as_of, dated);
}

#define ROW_LABEL_MAX 100 /* bytes of a row label (or value) quoted with a cell */

/* b's text, cut to ROW_LABEL_MAX bytes on a code point boundary. */
static void put_cut(buf *s, const doc_block *b)
{
    size_t n = b->len;
    if (n > ROW_LABEL_MAX) {
        n = ROW_LABEL_MAX;
        while (n > 0 && ((unsigned char)b->text[n] & 0xC0) == 0x80)
            n--;
    }
    buf_put(s, b->text, n);
    if (n < b->len)
        buf_puts(s, "\u2026");
}

void chk_finding_row_label(finding *f, analysis *a, size_t bi)
{
    const doc_block *b = &a->d.blocks[bi];
    if (b->kind != BLOCK_TABLE_CELL || !f->snippet)
        return;
    if (b->col == 0) {
        /* the label itself: quote the value next to it */
        size_t k = bi + 1;
        if (k < a->d.nblocks && a->d.blocks[k].table == b->table &&
            a->d.blocks[k].row == b->row && a->d.blocks[k].len) {
            buf s = BUF_INIT;
            buf_puts(&s, f->snippet);
            buf_puts(&s, " | ");
            put_cut(&s, &a->d.blocks[k]);
            free(f->snippet);
            f->snippet = buf_detach(&s);
        }
        return;
    }
    size_t lb = (size_t)-1;
    for (size_t k = bi; k-- > 0;) {
        const doc_block *x = &a->d.blocks[k];
        if (x->table != b->table || x->row != b->row)
            break;
        if (x->col == 0)
            lb = k;
    }
    if (lb == (size_t)-1 || !a->d.blocks[lb].len)
        return;
    buf s = BUF_INIT;
    put_cut(&s, &a->d.blocks[lb]);
    buf_puts(&s, " | ");
    size_t shift = s.len;
    buf_puts(&s, f->snippet);
    free(f->snippet);
    f->snippet = buf_detach(&s);
    f->mark_start += shift;
    f->mark_end += shift;
}

/* The direction a date gives a window, from the words just before it. */
chk_date_dir chk_date_direction(const char *s, size_t ds, size_t *cue_at)
{
    static const struct {
        const char *w;
        chk_date_dir d;
    } cues[] = {
        {"on or after", DIR_START}, {"on and after", DIR_START}, {"as from", DIR_START},
        {"as of", DIR_START}, {"from", DIR_START}, {"starting", DIR_START},
        {"beginning", DIR_START}, {"effective", DIR_START}, {"since", DIR_START},
        {"a partir du", DIR_START}, {"a partir de", DIR_START}, {"a compter du", DIR_START},
        {"a compter de", DIR_START}, {"des le", DIR_START}, {"depuis le", DIR_START},
        {"after", DIR_START_AFTER}, {"apres le", DIR_START_AFTER},
        {"until", DIR_END_INCL}, {"till", DIR_END_INCL}, {"through", DIR_END_INCL},
        {"up to and including", DIR_END_INCL}, {"jusqu'au", DIR_END_INCL},
        {"jusqu'a", DIR_END_INCL}, {"au plus tard le", DIR_END_INCL},
        {"before", DIR_END_EXCL}, {"prior to", DIR_END_EXCL}, {"avant le", DIR_END_EXCL},
        {"avant", DIR_END_EXCL},
    };
    size_t lo = ds > 48 ? ds - 48 : 0;
    chk_date_dir best = DIR_NONE;
    size_t best_at = 0, best_len = 0;
    for (size_t i = 0; i < sizeof cues / sizeof cues[0]; i++) {
        size_t k = strlen(cues[i].w);
        for (size_t at = lo; at + k <= ds; at++) {
            if (memcmp(s + at, cues[i].w, k))
                continue;
            if (at > 0 && isalnum((unsigned char)s[at - 1]))
                continue;
            if (isalnum((unsigned char)s[at + k]))
                continue;
            /* the nearest cue wins; at equal start the longer one */
            if (best == DIR_NONE || at + k > best_at + best_len ||
                (at == best_at && k > best_len)) {
                best = cues[i].d;
                best_at = at;
                best_len = k;
            }
        }
    }
    /* "on or after" contains "after": prefer a longer phrase ending at the same place */
    *cue_at = best == DIR_NONE ? ds : best_at;
    return best;
}
