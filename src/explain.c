/* explain.c — a rule in words (explain.h). */
#include "explain.h"

#include <string.h>

#include "check.h"

static void date_line(buf *b, const char *what, cps_date d)
{
    char s[11];
    date_format(d, s);
    if (d != DATE_NONE)
        buf_printf(b, "  %-12s %s\n", what, s);
}

static void scope_text(buf *b, const rule *r)
{
    for (size_t i = 0; i < r->nscope; i++)
        buf_printf(b, "%s%s", i ? ", " : "", strcmp(r->scope[i], "doc") ? r->scope[i]
                                                                         : "the whole document");
}

static void schedule(buf *b, const rule *r)
{
    for (size_t k = 0; k < r->nsteps; k++) {
        const limit_step *st = &r->steps[k];
        char d[11];
        date_format(st->from, d);
        buf_printf(b, "%s%d %s%s%s", k ? "; " : "", st->value, date_unit_name(st->unit, st->value),
                   st->from != DATE_NONE ? " from " : "", st->from != DATE_NONE ? d : "");
    }
}

void explain_comply(buf *b, const rule *r)
{
    switch (r->kind) {
    case KIND_FORBID:
        buf_puts(b, "Do not offer or state this anywhere in scope. A sentence that names it only "
                    "to say it is not used passes when it says so in the same sentence (\"is not "
                    "used\", \"n'est pas utilis\xC3\xA9" "e\"), or when a method section's heading is "
                    "followed by such a sentence.");
        break;
    case KIND_REQUIRE:
        buf_puts(b, "Write in ");
        scope_text(b, r);
        buf_printf(b, " a sentence with %s", r->match_label ? r->match_label : "what the rule "
                                                                                 "looks for");
        if (r->also.n)
            buf_printf(b, " and %s", r->also_label ? r->also_label : "its second element");
        buf_puts(b, ".");
        break;
    case KIND_LIMIT:
        buf_printf(b, "State a %s that keeps to the schedule: ", r->limit_min ? "minimum" : "value");
        schedule(b, r);
        buf_printf(b, " (%s).", r->limit_min ? "at least" : "at most");
        break;
    case KIND_STRUCTURE:
        buf_puts(b, "Keep every RFC 3647 section as a numbered heading with its title, in "
                    "order, each with text of its own or \"No stipulation\".");
        break;
    case KIND_META:
        if (r->check == CHECK_ANNUAL_UPDATE)
            buf_printf(b, "Publish a new dated version at least every %d days, with a row in "
                          "the revision table.", r->max_age);
        else if (r->check == CHECK_CHANGELOG)
            buf_puts(b, "Give a version number and a revision table with a dated row for each "
                        "version.");
        else if (r->check == CHECK_EFFECTIVE_DATE)
            buf_puts(b, "State the effective date (\"Effective Date: ...\").");
        else /* cpslint's own rules about its directives (check.h) */
            buf_puts(b, "Write the directive as \"cpslint-disable RULE-ID -- reason\" in an "
                        "HTML comment, naming rules that are loaded, in the section whose "
                        "findings it should suppress (docs/ci.md, Inline suppression).");
        break;
    case KIND_LANGUAGE:
        buf_puts(b, "Publish an English version, and from its date say that the English version "
                    "is authoritative (no clause giving another language precedence).");
        break;
    case KIND_MANUAL:
        buf_printf(b, "Text cannot decide this; a reviewer checks it: %s", r->message);
        break;
    default:
        buf_printf(b, "%s", r->message);
        break;
    }
}

static void examples(buf *b, const rule *r, int bad)
{
    int any = 0;
    for (size_t i = 0; i < r->nexamples; i++) {
        const rule_example *x = &r->examples[i];
        if (x->bad != bad)
            continue;
        if (!any++)
            buf_puts(b, bad ? "\nFires on (example.bad):\n" : "\nDoes not fire on (example.good):\n");
        char d[11];
        date_format(x->as_of, d);
        buf_printf(b, "  [%s%s%s] %s\n", x->lang, x->as_of != DATE_NONE ? " as of " : "",
                   x->as_of != DATE_NONE ? d : "", x->text);
    }
}

void explain_rule(buf *b, const rule *r, const char *rules_url)
{
    buf_printf(b, "%s\n  %s\n\n", r->id, r->title);
    buf_printf(b, "  %-12s %s%s\n", "severity", rule_severity_name(r->severity),
               r->enabled ? "" : " (shipped disabled: --enable to use it)");
    buf_printf(b, "  %-12s %s\n", "kind", rule_kind_name(r->kind));
    if (r->nscope) {
        buf_printf(b, "  %-12s ", "looks at");
        scope_text(b, r);
        buf_putc(b, '\n');
    }
    if (r->source)
        buf_printf(b, "  %-12s %s\n", "source", r->source);
    buf_printf(b, "  %-12s %s\n", "citation", r->cite);
    date_line(b, "effective", r->effective);
    date_line(b, "until", r->until);
    date_line(b, "docs from", r->doc_from);
    date_line(b, "docs until", r->doc_until);
    if (r->nsteps) {
        buf_printf(b, "  %-12s ", r->limit_min ? "minimum" : "maximum");
        schedule(b, r);
        buf_putc(b, '\n');
    }
    if (r->uncertain)
        buf_printf(b, "  %-12s %s\n", "uncertain", r->uncertain);
    buf_printf(b, "\nWhat it requires: %s\n", r->message);
    if (r->description)
        buf_printf(b, "\n%s\n", r->description);
    examples(b, r, 1);
    examples(b, r, 0);
    buf_puts(b, "\nTo comply: ");
    explain_comply(b, r);
    buf_putc(b, '\n');
    if (r->url)
        buf_printf(b, "\nSee %s\n", r->url);
    if (rules_url) {
        buf_printf(b, "Rules documentation: %s#", rules_url);
        for (const char *p = r->id; *p; p++)
            if (*p != '.')
                buf_putc(b, *p);
        buf_putc(b, '\n');
    }
}
