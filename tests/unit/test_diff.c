/* test_diff.c — version checks, section alignment (renumbering, typography),
 * findings delta on hand-made lists. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diff.h"

/* ---- versions ---- */

static void test_version_cmp(void **state)
{
    (void)state;
    assert_int_equal(diff_version_cmp("2.0", "2.4"), -1);
    assert_int_equal(diff_version_cmp("4.10", "4.9"), 1);
    assert_int_equal(diff_version_cmp("4.9", "4.10"), -1);
    assert_int_equal(diff_version_cmp("v2.4", "Version 2.4"), 0);
    assert_int_equal(diff_version_cmp("2", "2.0"), 0);
    assert_int_equal(diff_version_cmp("2.0.1", "2.0"), 1);
    assert_int_equal(diff_version_cmp("5.18", "5.2"), 1);
    assert_int_equal(diff_version_cmp("Rev. 3", "Rev. 12"), -1);
    assert_int_equal(diff_version_cmp("draft", "2.0"), 2);
    assert_int_equal(diff_version_cmp(NULL, "2.0"), 2);
}

static void meta_set(doc_meta *m, const char *version, cps_date date, revision *revs, size_t n)
{
    memset(m, 0, sizeof *m);
    m->version = (char *)version;
    m->date = date;
    m->revs = revs;
    m->nrevs = n;
    m->revision_table = n ? 1 : 0;
}

static void test_versions_all_three(void **state)
{
    (void)state;
    revision ro[] = {{"1.0", date_from_ymd(2022, 1, 10), 0}, {"1.3", date_from_ymd(2024, 3, 1), 0}};
    revision rn[] = {{"1.0", date_from_ymd(2022, 1, 10), 0},
                     {"1.3", date_from_ymd(2024, 3, 1), 0},
                     {"1.4", date_from_ymd(2025, 3, 15), 0}};
    doc_meta o, n;
    meta_set(&o, "1.3", date_from_ymd(2024, 3, 1), ro, 2);
    meta_set(&n, "1.4", date_from_ymd(2025, 3, 15), rn, 3);
    diff_versions_result v;
    diff_versions(&o, &n, &v);
    assert_true(v.version_incremented);
    assert_int_equal(v.version_cmp, 1);
    assert_true(v.date_advanced);
    assert_true(v.changelog_entry_added);
    assert_ptr_equal(v.new_row, &rn[2]);
}

static void test_versions_missing_ones(void **state)
{
    (void)state;
    revision ro[] = {{"4.9", date_from_ymd(2020, 1, 1), 0}};
    doc_meta o, n;
    /* same table, same date, lower-looking string but higher version */
    meta_set(&o, "4.9", date_from_ymd(2020, 1, 1), ro, 1);
    meta_set(&n, "4.10", date_from_ymd(2020, 1, 1), ro, 1);
    diff_versions_result v;
    diff_versions(&o, &n, &v);
    assert_true(v.version_incremented);
    assert_false(v.date_advanced);
    assert_false(v.changelog_entry_added);
    assert_true(v.new_has_table);
    /* version went down; no table at all */
    meta_set(&n, "4.8", date_from_ymd(2021, 1, 1), NULL, 0);
    diff_versions(&o, &n, &v);
    assert_false(v.version_incremented);
    assert_int_equal(v.version_cmp, -1);
    assert_true(v.date_advanced);
    assert_false(v.changelog_entry_added);
    assert_false(v.new_has_table);
    /* a new row dated before the old version is not the update's entry */
    revision rn[] = {{"4.9", date_from_ymd(2020, 1, 1), 0}, {"4.8.1", date_from_ymd(2019, 6, 1), 0}};
    meta_set(&n, "4.10", date_from_ymd(2021, 1, 1), rn, 2);
    diff_versions(&o, &n, &v);
    assert_false(v.changelog_entry_added);
    /* no version found */
    meta_set(&n, NULL, date_from_ymd(2021, 1, 1), NULL, 0);
    diff_versions(&o, &n, &v);
    assert_int_equal(v.version_cmp, 2);
    assert_false(v.version_incremented);
}

/* Long revision tables: rows are looked up, not compared pairwise (50,000
 * by 50,000 was 2.5e9 comparisons); versions match as same_version did. */
static void test_versions_long_tables(void **state)
{
    (void)state;
    enum { N = 50000 };
    revision *ro = calloc(N, sizeof *ro), *rn = calloc(N + 1, sizeof *rn);
    char (*names)[16] = calloc(N + 1, sizeof *names);
    for (int i = 0; i <= N; i++) {
        snprintf(names[i], sizeof names[i], "%d.%d", i / 100 + 1, i % 100);
        revision r = {names[i], date_from_ymd(2000 + i / 3000, i / 28 % 12 + 1, i % 28 + 1), 0};
        if (i < N)
            ro[i] = r;
        rn[i] = r;
    }
    /* the old table writes the same versions differently */
    ro[7].version = "v1.7.0";
    ro[8].version = "Version 1.8";
    doc_meta o, n;
    meta_set(&o, names[N - 1], ro[N - 1].date, ro, N);
    meta_set(&n, names[N], rn[N].date, rn, N + 1);
    diff_versions_result v;
    diff_versions(&o, &n, &v);
    assert_true(v.changelog_entry_added);
    assert_ptr_equal(v.new_row, &rn[N]);
    /* same table: nothing new */
    meta_set(&n, names[N], rn[N].date, rn, N);
    diff_versions(&o, &n, &v);
    assert_false(v.changelog_entry_added);
    free(ro);
    free(rn);
    free(names);
}

/* ---- sections ---- */

static outline_spec spec;

static int setup(void **state)
{
    (void)state;
    cps_err e;
    const char *dir = getenv("CPSLINT_DATA");
    char path[4096];
    snprintf(path, sizeof path, "%s/rulesets/rfc3647.outline", dir ? dir : ".");
    return outline_spec_load(path, &spec, &e);
}

static int teardown(void **state)
{
    (void)state;
    outline_spec_free(&spec);
    return 0;
}

static void analyse(const char *html, analysis *a)
{
    cps_err e;
    cps_err_clear(&e);
    int rc = analysis_run_bytes("t.html", (const unsigned char *)html, strlen(html), &spec, NULL,
                                a, &e);
    if (rc)
        fail_msg("%s", e.msg);
}

static const diff_pair *find_pair(const diff_result *r, const char *old_n, const char *new_n)
{
    for (size_t k = 0; k < r->npairs; k++) {
        const diff_pair *p = &r->pairs[k];
        const char *o = p->old_i >= 0 ? r->old[p->old_i].sec->number : NULL;
        const char *n = p->new_i >= 0 ? r->new[p->new_i].sec->number : NULL;
        if ((old_n ? o && !strcmp(o, old_n) : !o) && (new_n ? n && !strcmp(n, new_n) : !n))
            return p;
    }
    return NULL;
}

#define DOC_HEAD "<html lang=\"en\"><body><p>Version 1.0</p>"
#define SEC(n, h, t) "<h2>" n " " h "</h2><p>" t "</p>"

static void test_sections_renumbered_with_reused_number(void **state)
{
    (void)state;
    analysis a, b;
    analyse(DOC_HEAD SEC("1", "INTRODUCTION", "The CA issues TLS server certificates to the public.")
            SEC("9", "OTHER BUSINESS AND LEGAL MATTERS", "Fees are published on the website of the CA.")
            SEC("10", "QUALIFIED CERTIFICATES", "Chapter ten covers qualified website certificates under the national act.")
            SEC("10.1", "Identity proofing", "Legal persons are checked against the commercial register by video.")
            "</body></html>", &a);
    analyse(DOC_HEAD SEC("1", "INTRODUCTION", "The CA issues TLS server certificates to the public.")
            SEC("9", "OTHER BUSINESS AND LEGAL MATTERS", "Fees are published on the website of the CA.")
            SEC("10", "CODE SIGNING", "Code signing keys live in hardware modules certified to FIPS 140-2.")
            SEC("11", "QUALIFIED CERTIFICATES", "Chapter ten covers qualified website certificates under the national act.")
            SEC("11.1", "Identity proofing", "Legal persons are checked against the commercial register by video.")
            "</body></html>", &b);
    diff_result r;
    cps_err e;
    assert_int_equal(diff_sections(&a, &b, NULL, &r, &e), 0);
    const diff_pair *p = find_pair(&r, "10", "11");
    assert_non_null(p);
    assert_int_equal(p->kind, DIFF_RENUMBERED);
    assert_false(p->text_changed);
    p = find_pair(&r, "10.1", "11.1");
    assert_non_null(p);
    assert_int_equal(p->kind, DIFF_RENUMBERED);
    p = find_pair(&r, NULL, "10");
    assert_non_null(p);
    assert_int_equal(p->kind, DIFF_ADDED);
    assert_int_equal(r.renumbered, 2);
    assert_int_equal(r.added, 1);
    assert_int_equal(r.removed, 0);
    assert_int_equal(r.changed, 0);
    assert_string_equal(diff_new_number(&r, "10"), "11");
    assert_string_equal(diff_new_number(&r, "9"), "9");
    assert_null(diff_new_number(&r, "4.9.1"));
    diff_result_free(&r);
    analysis_free(&a);
    analysis_free(&b);
}

static void test_sections_typography_is_not_a_change(void **state)
{
    (void)state;
    analysis a, b;
    analyse(DOC_HEAD SEC("1", "INTRODUCTION", "The CA's policy applies to all \"subscribers\" - always.")
            SEC("1.1", "Overview", "Certificates are valid for 398 days.")
            "</body></html>", &a);
    analyse(DOC_HEAD SEC("1", "Introduction", "The CA\xe2\x80\x99s\n policy applies to\xc2\xa0"
                         "all \xe2\x80\x9csubscribers\xe2\x80\x9d \xe2\x80\x93 always.")
            SEC("1.1", "Overview", "Certificates are valid for 397 days.")
            "</body></html>", &b);
    diff_result r;
    cps_err e;
    assert_int_equal(diff_sections(&a, &b, NULL, &r, &e), 0);
    assert_int_equal(find_pair(&r, "1", "1")->kind, DIFF_UNCHANGED);
    const diff_pair *p = find_pair(&r, "1.1", "1.1");
    assert_int_equal(p->kind, DIFF_CHANGED);
    assert_int_equal(p->wd.deleted, 1);
    assert_int_equal(p->wd.inserted, 1);
    assert_int_equal(r.unchanged, 1);
    assert_int_equal(r.changed, 1);
    diff_result_free(&r);
    analysis_free(&a);
    analysis_free(&b);
}

static void test_sections_added_removed(void **state)
{
    (void)state;
    analysis a, b;
    analyse(DOC_HEAD SEC("3.2.2", "Authentication of domain", "Domains are validated.")
            SEC("3.2.2.4.2", "Email to Domain Contact", "A random value is emailed to the WHOIS contact.")
            "</body></html>", &a);
    analyse(DOC_HEAD SEC("3.2.2", "Authentication of domain", "Domains are validated.")
            SEC("3.2.2.4.6", "Agreed-Upon Change to Website", "A random value is placed in a file under the well-known directory.")
            "</body></html>", &b);
    diff_result r;
    cps_err e;
    assert_int_equal(diff_sections(&a, &b, NULL, &r, &e), 0);
    assert_int_equal(find_pair(&r, "3.2.2.4.2", NULL)->kind, DIFF_REMOVED);
    assert_int_equal(find_pair(&r, NULL, "3.2.2.4.6")->kind, DIFF_ADDED);
    assert_null(diff_new_number(&r, "3.2.2.4.2"));
    /* pairs come in number order, the removed one first */
    size_t i2 = 0, i6 = 0;
    for (size_t k = 0; k < r.npairs; k++) {
        if (r.pairs[k].kind == DIFF_REMOVED)
            i2 = k;
        if (r.pairs[k].kind == DIFF_ADDED)
            i6 = k;
    }
    assert_true(i2 < i6);
    diff_result_free(&r);
    analysis_free(&a);
    analysis_free(&b);
}

/* ---- findings delta ---- */

static diff_finding F(const char *rule, const char *sec, const char *match, int sev)
{
    diff_finding f;
    memset(&f, 0, sizeof f);
    f.rule = rule;
    f.section = sec;
    f.match = match;
    f.severity = sev;
    return f;
}

static void test_findings_delta(void **state)
{
    (void)state;
    diff_finding old_f[] = {
        F("br.4.9.3.problem-reporting", "4.9.3", NULL, 3),         /* resolved */
        F("br.dv.3.2.2.4.5", "3.2.2.4", "BR 3.2.2.4.5", 3),        /* persisting */
        F("br.validity.6.3.2", "6.3.2", "825 days", 3),            /* resolved */
        F("mrsp.dup", "2.2", "it\xe2\x80\x99s", 2),                /* persists x1, resolved x1 */
        F("mrsp.dup", "2.2", "it's", 2),
    };
    diff_finding new_f[] = {
        F("br.dv.3.2.2.4.6", "3.2.2.4.6", "3.2.2.4.6", 3),         /* introduced */
        F("br.dv.3.2.2.4.5", "3.2.2.4", "br   3.2.2.4.5", 3),      /* persisting (normalised) */
        F("mrsp.dup", "2.2", "IT'S", 2),
    };
    diff_findings_result d;
    cps_err e;
    assert_int_equal(diff_findings(old_f, 5, new_f, 3, NULL, &d, &e), 0);
    assert_int_equal(d.nintroduced, 1);
    assert_int_equal(d.introduced[0], 0);
    assert_int_equal(d.npersisting, 2);
    assert_int_equal(d.persisting[0], 1);
    assert_int_equal(d.persisting_old[0], 1);
    assert_int_equal(d.persisting[1], 2);
    assert_true(d.persisting_old[1] == 3 || d.persisting_old[1] == 4);
    assert_int_equal(d.nresolved, 3);
    assert_int_equal(d.resolved[0], 0);
    assert_int_equal(d.resolved[1], 2);
    assert_true(d.resolved[2] == 3 || d.resolved[2] == 4);
    diff_findings_free(&d);

    /* empty lists */
    assert_int_equal(diff_findings(NULL, 0, NULL, 0, NULL, &d, &e), 0);
    assert_int_equal(d.nintroduced + d.nresolved + d.npersisting, 0);
    diff_findings_free(&d);
    assert_int_equal(diff_findings(NULL, 0, new_f, 3, NULL, &d, &e), 0);
    assert_int_equal(d.nintroduced, 3);
    diff_findings_free(&d);
}

static diff_finding FQ(const char *rule, const char *sec, const char *match, const char *snippet,
                       long line)
{
    diff_finding f = F(rule, sec, match, 3);
    f.snippet = snippet;
    f.line = line;
    return f;
}

/* Moved: the same match in another sentence, or a similar match in another
 * sentence; a value changed in its sentence is resolved + introduced. */
static void test_findings_moved(void **state)
{
    (void)state;
    diff_finding old_f[] = {
        FQ("v", "6.3.2", "825 days", "Certificates last no more than 825 days.", 10),
        FQ("v", "6.3.3", "825 days", "Keys last no more than 825 days.", 20),
        FQ("w", "4.9.1", "five days", "Revocation takes five days.", 30),
        FQ("x", "5.1", "one year", "Logs are kept one year.", 40),
        FQ("y", "9.1", "fees", "No fees are charged.", 50),
    };
    diff_finding new_f[] = {
        FQ("v", "6.3.2", "825 days", "Where asked, certificates may last no more than 825 days.", 11),
        FQ("v", "6.3.3", "825 days", "Keys last no more than 825 days.", 25),
        FQ("w", "4.9.1", "five calendar days", "Within five calendar days, we revoke.", 33),
        FQ("x", "5.1", "two years", "Logs are kept two years.", 40),
        FQ("y", "9.2", "fees", "Fees are listed online.", 50),
    };
    diff_findings_result d;
    cps_err e;
    assert_int_equal(diff_findings(old_f, 5, new_f, 5, NULL, &d, &e), 0);
    assert_int_equal(d.npersisting, 3);
    assert_int_equal(d.nmoved, 2);
    /* same match, other sentence: moved; same sentence, lines shifted: not */
    assert_int_equal(d.persisting[0], 0);
    assert_int_equal(d.moved[0], 1);
    assert_int_equal(d.persisting[1], 1);
    assert_int_equal(d.moved[1], 0);
    /* similar match (Jaccard 2/3) in another sentence: paired, moved */
    assert_int_equal(d.persisting[2], 2);
    assert_int_equal(d.persisting_old[2], 2);
    assert_int_equal(d.moved[2], 1);
    /* a value changed in place; another section: resolved + introduced */
    assert_int_equal(d.nresolved, 2);
    assert_int_equal(d.resolved[0], 3);
    assert_int_equal(d.resolved[1], 4);
    assert_int_equal(d.nintroduced, 2);
    assert_int_equal(d.introduced[0], 3);
    assert_int_equal(d.introduced[1], 4);
    diff_findings_free(&d);
}

/* Rows of two versions of a table: paired by label, then by position. */
static void add_row(diff_row **rows, size_t *n, size_t *cap, int *lt, int *lr, int *tables,
                    int table, int row, const char *a, const char *b)
{
    cps_err e;
    assert_int_equal(diff_rows_add(rows, n, cap, table, row, 0, a, strlen(a), row + 1, 0, lt,
                                   lr, tables, &e), 0);
    assert_int_equal(diff_rows_add(rows, n, cap, table, row, 1, b, strlen(b), row + 1, 0, lt,
                                   lr, tables, &e), 0);
}

static void test_rows_pair(void **state)
{
    (void)state;
    diff_row *a = NULL, *b = NULL;
    size_t na = 0, nb = 0, ca = 0, cb = 0;
    int lt = 0, lr = -1, t = 0;
    add_row(&a, &na, &ca, &lt, &lr, &t, 4, 0, "Root", "25 years");
    add_row(&a, &na, &ca, &lt, &lr, &t, 4, 1, "Cross", "5 years");
    add_row(&a, &na, &ca, &lt, &lr, &t, 4, 2, "Subscriber", "398 days");
    add_row(&a, &na, &ca, &lt, &lr, &t, 4, 3, "Old name", "1 year");
    add_row(&a, &na, &ca, &lt, &lr, &t, 9, 0, "Fee", "none");
    assert_int_equal(na, 5);
    assert_int_equal(a[4].table, 1); /* the section's second table */
    assert_string_equal(a[2].folded[1], "398 days");
    lt = 0, lr = -1, t = 0;
    add_row(&b, &nb, &cb, &lt, &lr, &t, 7, 0, "ROOT", "25\xc2\xa0years"); /* same text */
    add_row(&b, &nb, &cb, &lt, &lr, &t, 7, 1, "Subscriber", "200 days");
    add_row(&b, &nb, &cb, &lt, &lr, &t, 7, 2, "New name", "1 year");
    add_row(&b, &nb, &cb, &lt, &lr, &t, 7, 3, "OCSP", "1 year");
    diff_row_pair *p;
    size_t n = diff_rows_pair(a, na, b, nb, &p);
    assert_int_equal(n, 6);
    assert_int_equal(p[0].kind, DIFF_ROW_SAME);     /* Root = ROOT (folded) */
    assert_int_equal(p[1].kind, DIFF_ROW_REMOVED);  /* Cross, before Subscriber */
    assert_int_equal(p[1].old_r, 1);
    assert_int_equal(p[2].kind, DIFF_ROW_CHANGED);  /* Subscriber by label */
    assert_int_equal(p[2].old_r, 2);
    assert_int_equal(p[2].new_r, 1);
    assert_int_equal(p[3].kind, DIFF_ROW_CHANGED);  /* renamed: by position after the anchor */
    assert_int_equal(p[3].old_r, 3);
    assert_int_equal(p[3].new_r, 2);
    assert_int_equal(p[4].kind, DIFF_ROW_ADDED);    /* OCSP */
    assert_int_equal(p[4].new_r, 3);
    assert_int_equal(p[5].kind, DIFF_ROW_REMOVED);  /* the second table, gone */
    assert_int_equal(p[5].old_r, 4);
    free(p);
    diff_rows_free(a, na);
    diff_rows_free(b, nb);
}

static void test_findings_follow_renumbering(void **state)
{
    (void)state;
    analysis a, b;
    analyse(DOC_HEAD SEC("4.9.1", "Circumstances for revocation", "See below.")
            SEC("4.9.1.3", "Revocation at the request of a domain registrant", "A registrant who proves control of the domain may ask the CA to revoke a certificate within 24 hours.")
            "</body></html>", &a);
    analyse(DOC_HEAD SEC("4.9.1", "Circumstances for revocation", "See below.")
            SEC("4.9.1.3", "Revocation after a problem report", "Mis-issued certificates are revoked within five days of a report.")
            SEC("4.9.1.4", "Revocation at the request of a domain registrant", "A registrant who proves control of the domain may ask the CA to revoke a certificate within 24 hours.")
            "</body></html>", &b);
    diff_result r;
    cps_err e;
    assert_int_equal(diff_sections(&a, &b, NULL, &r, &e), 0);
    assert_int_equal(find_pair(&r, "4.9.1.3", "4.9.1.4")->kind, DIFF_RENUMBERED);
    assert_int_equal(find_pair(&r, NULL, "4.9.1.3")->kind, DIFF_ADDED);
    diff_finding old_f[] = {F("x.24h", "4.9.1.3", "24 hours", 2)};
    diff_finding new_f[] = {F("x.24h", "4.9.1.4", "24 hours", 2)};
    diff_findings_result d;
    assert_int_equal(diff_findings(old_f, 1, new_f, 1, &r, &d, &e), 0);
    assert_int_equal(d.npersisting, 1);
    assert_int_equal(d.nintroduced + d.nresolved, 0);
    diff_findings_free(&d);
    /* without the alignment the same lists are one resolved + one introduced */
    assert_int_equal(diff_findings(old_f, 1, new_f, 1, NULL, &d, &e), 0);
    assert_int_equal(d.nintroduced, 1);
    assert_int_equal(d.nresolved, 1);
    diff_findings_free(&d);
    diff_result_free(&r);
    analysis_free(&a);
    analysis_free(&b);
}

/* Many sections renumbered at once (4.9.1.a.b -> 4.9.2.a.b), all alike:
 * the renumbering search is exact and bounded; a tiny budget stops it with
 * renumber_skipped set, and what it did pair is still right. */
static void many_sections(buf *b, const char *mid, int n, int variant)
{
    buf_puts(b, DOC_HEAD);
    buf_printf(b, "<h2>4.9 Revocation</h2><p>x</p><h3>4.9.%s Circumstances</h3><p>y</p>", mid);
    for (int a = 1; a <= n; a++) {
        buf_printf(b, "<h4>4.9.%s.%d Group %d</h4><p>Group text %d.</p>", mid, a, a, a);
        for (int c = 1; c <= 20; c++)
            buf_printf(b,
                       "<h5>4.9.%s.%d.%d Case %d %d</h5><p>The CA revokes the certificate in "
                       "case %d %d within %s days of the report.</p>",
                       mid, a, c, a, c, a, c, variant ? "six" : "five");
    }
    buf_puts(b, "</body></html>");
}

static void test_sections_renumbered_many(void **state)
{
    (void)state;
    for (int variant = 0; variant < 2; variant++) {
        buf x = BUF_INIT, y = BUF_INIT;
        many_sections(&x, "1", 30, 0);
        many_sections(&y, "2", 30, variant);
        analysis a, b;
        analyse(buf_cstr(&x), &a);
        analyse(buf_cstr(&y), &b);
        diff_result r;
        cps_err e;
        assert_int_equal(diff_sections(&a, &b, NULL, &r, &e), 0);
        assert_int_equal(r.renumber_skipped, 0);
        assert_int_equal(r.renumbered, 30 * 21 + 1);
        assert_int_equal(r.added, 0);
        assert_string_equal(diff_new_number(&r, "4.9.1.17.3"), "4.9.2.17.3");
        diff_result_free(&r);
        /* a budget too small for the similar (not identical) pass */
        diff_opts o = {0, 0, 1000};
        assert_int_equal(diff_sections(&a, &b, &o, &r, &e), 0);
        if (variant) {
            assert_true(r.renumber_skipped > 0);
            assert_true(r.renumbered < 30 * 21 + 1);
            for (size_t k = 0; k < r.npairs; k++)
                if (r.pairs[k].kind == DIFF_RENUMBERED)
                    assert_string_equal(r.old[r.pairs[k].old_i].sec->number + 5,
                                        r.new[r.pairs[k].new_i].sec->number + 5);
        } else {
            assert_int_equal(r.renumber_skipped, 0); /* identical sets: no budget used */
            assert_int_equal(r.renumbered, 30 * 21 + 1);
        }
        diff_result_free(&r);
        analysis_free(&a);
        analysis_free(&b);
        buf_free(&x);
        buf_free(&y);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_version_cmp),
        cmocka_unit_test(test_versions_all_three),
        cmocka_unit_test(test_versions_missing_ones),
        cmocka_unit_test(test_versions_long_tables),
        cmocka_unit_test(test_sections_renumbered_with_reused_number),
        cmocka_unit_test(test_sections_typography_is_not_a_change),
        cmocka_unit_test(test_sections_added_removed),
        cmocka_unit_test(test_sections_renumbered_many),
        cmocka_unit_test(test_findings_delta),
        cmocka_unit_test(test_findings_follow_renumbering),
        cmocka_unit_test(test_findings_moved),
        cmocka_unit_test(test_rows_pair),
    };
    return cmocka_run_group_tests_name("diff", tests, setup, teardown);
}
