/* report_junit.c — JUnit XML for GitLab (artifacts:reports:junit) and
 * Jenkins, written with libxml2's xmlwriter so escaping is libxml2's.
 *
 *   <testsuites name="cpslint" tests failures errors skipped time>
 *     <testsuite name="DOCUMENT" ...>          one per input, in input order
 *       <properties> as_of, version, date, language, encoding </properties>
 *       <testcase classname="DOCUMENT with . as _" name="RULE ID" file="DOCUMENT">
 *         <failure message type="error|warning|notice">  a finding that fails
 *         <error message type="rule-error">              the rule could not run
 *         <skipped message="n/a: ...">                   n/a, not-effective
 *         <system-out>                                   findings that do not
 *       </testcase>                                      fail (below --fail-on,
 *     </testsuite>                                       baselined)
 *     An unreadable input is a testsuite with one testcase "read" and an
 *     <error>. Stale or expired baseline entries are a testsuite "baseline"
 *     of skipped testcases.
 *
 * Jenkins splits classname at dots into package and class, hence the
 * dots replaced in classname (name and file keep the exact text).
 * Text that XML 1.0 cannot carry (control characters, invalid UTF-8)
 * becomes U+FFFD before it reaches the writer.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlwriter.h>

#include "profile.h"
#include "report.h"

/* s with characters XML 1.0 forbids replaced by U+FFFD, in b. */
static const xmlChar *xml_safe(buf *b, const char *s)
{
    const unsigned char *p = (const unsigned char *)(s ? s : "");
    buf_truncate(b, 0);
    buf_puts(b, "");
    while (*p) {
        unsigned c = *p;
        size_t k = 0;
        unsigned cp = 0;
        if (c < 0x80)
            k = 1, cp = c;
        else if (c >= 0xC2 && c <= 0xDF)
            k = 2, cp = c & 0x1F;
        else if (c >= 0xE0 && c <= 0xEF)
            k = 3, cp = c & 0x0F;
        else if (c >= 0xF0 && c <= 0xF4)
            k = 4, cp = c & 0x07;
        int ok = k > 0;
        for (size_t i = 1; ok && i < k; i++) {
            if ((p[i] & 0xC0) != 0x80)
                ok = 0;
            else
                cp = (cp << 6) | (p[i] & 0x3F);
        }
        static const unsigned min[] = {0, 0, 0x80, 0x800, 0x10000};
        if (ok && (cp < min[k] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) ||
                   cp == 0xFFFE || cp == 0xFFFF || (cp < 0x20 && cp != 9 && cp != 10 && cp != 13)))
            ok = 0;
        if (ok) {
            buf_put(b, p, k);
            p += k;
        } else {
            buf_puts(b, "\xEF\xBF\xBD");
            p++;
        }
    }
    return (const xmlChar *)buf_cstr(b);
}

typedef struct jw {
    xmlTextWriterPtr w;
    buf tmp;
} jw;

static void start(jw *j, const char *name) { xmlTextWriterStartElement(j->w, BAD_CAST name); }
static void end(jw *j) { xmlTextWriterEndElement(j->w); }
static void attr(jw *j, const char *name, const char *value)
{
    xmlTextWriterWriteAttribute(j->w, BAD_CAST name, xml_safe(&j->tmp, value));
}
static void attr_n(jw *j, const char *name, size_t v)
{
    char s[32];
    snprintf(s, sizeof s, "%zu", v);
    xmlTextWriterWriteAttribute(j->w, BAD_CAST name, BAD_CAST s);
}
static void text(jw *j, const char *s) { xmlTextWriterWriteString(j->w, xml_safe(&j->tmp, s)); }

static void property(jw *j, const char *name, const char *value)
{
    if (!value || !*value)
        return;
    start(j, "property");
    attr(j, "name", name);
    attr(j, "value", value);
    end(j);
}

/* Per document: tests, failures, errors, skipped. */
typedef struct tally {
    size_t tests, failures, errors, skipped;
} tally;

static int item_fails(const report_doc *d, const check_item *it, const report_opts *o)
{
    for (size_t i = 0; i < d->res->nf; i++)
        if (d->res->f[i].rule == it->rule && report_fails(d, i, o))
            return 1;
    return 0;
}

static void tally_doc(const report_doc *d, const report_opts *o, tally *t)
{
    memset(t, 0, sizeof *t);
    if (!d->res) {
        t->tests = t->errors = 1;
        return;
    }
    for (size_t k = 0; k < d->res->nitems; k++) {
        const check_item *it = &d->res->items[k];
        t->tests++;
        if (it->status == ST_ERROR)
            t->errors++;
        else if (it->status == ST_NA || it->status == ST_NOT_EFFECTIVE)
            t->skipped++;
        else if (item_fails(d, it, o))
            t->failures++;
    }
}

static void finding_lines(buf *b, const report_doc *d, const check_item *it, const report_opts *o,
                          int failing)
{
    for (size_t i = 0; i < d->res->nf; i++) {
        const finding *f = &d->res->f[i];
        if (f->rule != it->rule || report_fails(d, i, o) != failing ||
            (!failing && !report_shown(d, i, o)))
            continue;
        if (f->section[0])
            buf_printf(b, "%s%s%s", f->section, f->heading ? " " : "", f->heading ? f->heading : "");
        else
            buf_puts(b, "(document)");
        buf_printf(b, ", line %ld [%s]: %s\n", report_finding_line(d, f),
                   rule_severity_name(f->severity), f->message);
        if (f->snippet && *f->snippet)
            buf_printf(b, "    \xE2\x80\x9C%s\xE2\x80\x9D\n", f->snippet);
        const char *reason = report_baselined(d, i);
        if (reason)
            buf_printf(b, "    baselined: %s\n", reason);
        else if (report_suppressed(d, i))
            buf_printf(b, "    suppressed (line %ld): %s\n", d->res->f[i].suppressed_line,
                       report_suppressed(d, i));
        if (d->marks && d->marks[i].expired != DATE_NONE) {
            char ds[11];
            date_format(d->marks[i].expired, ds);
            buf_printf(b, "    its baseline entry expired on %s\n", ds);
        }
    }
}

static void testcase(jw *j, const report_doc *d, const check_item *it, const char *classname,
                     const report_opts *o)
{
    const rule *r = it->rule;
    buf b = BUF_INIT;
    start(j, "testcase");
    attr(j, "name", r->id);
    attr(j, "classname", classname);
    attr(j, "file", report_doc_file(d));
    attr(j, "time", "0");
    if (it->status == ST_ERROR) {
        start(j, "error");
        buf_printf(&b, "rule could not run: %s", it->note ? it->note : "");
        attr(j, "message", buf_cstr(&b));
        attr(j, "type", "rule-error");
        end(j);
    } else if (it->status == ST_NA || it->status == ST_NOT_EFFECTIVE) {
        start(j, "skipped");
        buf_printf(&b, "%s%s%s", check_status_name(it->status), it->note ? ": " : "",
                   it->note ? it->note : "");
        attr(j, "message", buf_cstr(&b));
        end(j);
    } else if (item_fails(d, it, o)) {
        start(j, "failure");
        attr(j, "message", r->message);
        attr(j, "type", rule_severity_name(it->severity));
        finding_lines(&b, d, it, o, 1);
        buf_printf(&b, "%s\n", r->cite);
        text(j, buf_cstr(&b));
        end(j);
        buf_truncate(&b, 0);
        finding_lines(&b, d, it, o, 0);
        if (b.len) {
            start(j, "system-out");
            text(j, buf_cstr(&b));
            end(j);
        }
    } else {
        finding_lines(&b, d, it, o, 0);
        if (b.len) {
            start(j, "system-out");
            text(j, buf_cstr(&b));
            end(j);
        }
    }
    end(j);
    buf_free(&b);
}

/* Each testsuite is written by a writer of its own, inside a wrapper
 * element so that it is indented as a child of <testsuites>; the XML
 * declaration and the wrapper's first and last lines are cut. The testsuites are spooled: their totals
 * are the attributes of <testsuites>, before them. */
typedef struct junit_state {
    tally total;
    report_spool suites;
    buf piece;
} junit_state;

static int piece_begin(jw *j, xmlBufferPtr *xb)
{
    *xb = xmlBufferCreate();
    j->w = *xb ? xmlNewTextWriterMemory(*xb, 0) : NULL;
    j->tmp = (buf)BUF_INIT;
    if (!j->w) {
        if (*xb)
            xmlBufferFree(*xb);
        return -1;
    }
    xmlTextWriterSetIndent(j->w, 1);
    xmlTextWriterSetIndentString(j->w, BAD_CAST "  ");
    xmlTextWriterStartDocument(j->w, "1.0", "UTF-8", NULL); /* UTF-8 kept, not &#x..; */
    start(j, "w");
    return 0;
}

/* The piece without the wrapper's lines, appended to out. */
static void piece_end(jw *j, xmlBufferPtr xb, buf *out)
{
    end(j);
    xmlTextWriterEndDocument(j->w);
    xmlFreeTextWriter(j->w);
    const char *p = (const char *)xmlBufferContent(xb);
    size_t n = (size_t)xmlBufferLength(xb);
    const char *decl = memchr(p, '\n', n); /* the XML declaration, then <w> */
    const char *first = decl ? memchr(decl + 1, '\n', n - (size_t)(decl + 1 - p)) : NULL;
    if (first) {
        const char *body = first + 1;
        size_t len = n - (size_t)(body - p);
        if (len >= 5 && !memcmp(body + len - 5, "</w>\n", 5))
            len -= 5;
        buf_put(out, body, len);
    }
    xmlBufferFree(xb);
    buf_free(&j->tmp);
}

static void suite_xml(jw *j, const report_doc *d, const report_opts *o)
{
    char ds[11];
    const char *file = report_doc_file(d);
    buf cls = BUF_INIT;
    for (const char *p = file; *p; p++)
        buf_putc(&cls, *p == '.' ? '_' : *p);
    tally t;
    tally_doc(d, o, &t);
    start(j, "testsuite");
    attr(j, "name", file);
    attr_n(j, "tests", t.tests);
    attr_n(j, "failures", t.failures);
    attr_n(j, "errors", t.errors);
    attr_n(j, "skipped", t.skipped);
    attr(j, "time", "0");
    if (!d->res) {
        start(j, "testcase");
        attr(j, "name", "read");
        attr(j, "classname", buf_cstr(&cls));
        attr(j, "file", file);
        attr(j, "time", "0");
        start(j, "error");
        attr(j, "message", d->error ? d->error : "could not be checked");
        attr(j, "type", "input");
        end(j);
        end(j);
        end(j);
        buf_free(&cls);
        return;
    }
    start(j, "properties");
    date_format(d->res->as_of, ds);
    property(j, "as_of", ds);
    property(j, "version", d->a->meta.version);
    if (d->res->profile) {
        char ps[128];
        profile_summary(d->res->profile, ps, sizeof ps);
        property(j, "profile", ps);
    }
    date_format(d->a->meta.date, ds);
    property(j, "date", ds);
    property(j, "language", d->a->lang);
    property(j, "encoding", d->a->src.encoding);
    property(j, "format", d->a->d.format);
    end(j);
    for (size_t k = 0; k < d->res->nitems; k++)
        testcase(j, d, &d->res->items[k], buf_cstr(&cls), o);
    end(j);
    buf_free(&cls);
}

static void notes_xml(jw *j, const report_opts *o)
{
    start(j, "testsuite");
    attr(j, "name", "baseline");
    attr_n(j, "tests", o->nnotes);
    attr_n(j, "failures", 0);
    attr_n(j, "errors", 0);
    attr_n(j, "skipped", o->nnotes);
    attr(j, "time", "0");
    for (size_t i = 0; i < o->nnotes; i++) {
        const report_note *nt = &o->notes[i];
        buf nm = BUF_INIT;
        if (nt->file)
            buf_printf(&nm, "%s:%ld", nt->file, nt->line);
        else
            buf_printf(&nm, "note %zu", i + 1);
        start(j, "testcase");
        attr(j, "name", buf_cstr(&nm));
        attr(j, "classname", "baseline");
        attr(j, "time", "0");
        start(j, "skipped");
        attr(j, "message", nt->message);
        end(j);
        end(j);
        buf_free(&nm);
    }
    end(j);
}

static void junit_begin(report_run *r)
{
    r->priv = xcalloc(1, sizeof(junit_state));
}

static void junit_document(report_run *r, const report_doc *d)
{
    junit_state *st = r->priv;
    tally t;
    tally_doc(d, r->o, &t);
    st->total.tests += t.tests;
    st->total.failures += t.failures;
    st->total.errors += t.errors;
    st->total.skipped += t.skipped;
    jw j;
    xmlBufferPtr xb;
    if (piece_begin(&j, &xb))
        return;
    suite_xml(&j, d, r->o);
    piece_end(&j, xb, &st->piece);
    report_spool_put(&st->suites, &st->piece);
}

static void junit_end(report_run *r)
{
    junit_state *st = r->priv;
    const report_opts *o = r->o;
    tally *t = &st->total;
    if (o->nnotes) {
        t->tests += o->nnotes;
        t->skipped += o->nnotes;
        jw j;
        xmlBufferPtr xb;
        if (!piece_begin(&j, &xb)) {
            notes_xml(&j, o);
            piece_end(&j, xb, &st->piece);
            report_spool_put(&st->suites, &st->piece);
        }
    }
    buf_printf(&r->out,
               "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"cpslint\" "
               "tests=\"%zu\" failures=\"%zu\" errors=\"%zu\" skipped=\"%zu\" time=\"0\"",
               t->tests, t->failures, t->errors, t->skipped);
    if (r->ndocs == 0 && !o->nnotes) {
        buf_puts(&r->out, "/>\n");
    } else {
        buf_puts(&r->out, ">\n");
        report_spool_copy(r, &st->suites);
        buf_puts(&r->out, "</testsuites>\n");
    }
    buf_free(&st->piece);
    free(st);
    r->priv = NULL;
}

const report_writer report_writer_junit = {
    .name = "junit",
    .description = "JUnit XML, for GitLab and Jenkins",
    .begin = junit_begin,
    .document = junit_document,
    .end = junit_end,
};
