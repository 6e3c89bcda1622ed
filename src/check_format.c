/* check_format.c — kind format: the file format the document was read
 * from (its name in the table of input formats, input_formats.h) against the rule's
 * `match` patterns; a match is one finding for the whole document.
 *
 * For the policies that say how a CP/CPS is published, not what it says:
 * MRSP 3.1 3.3(2) wants CP/CPS Documentation in a structured text format
 * (Markdown, AsciiDoc or similar) from 2027-07-01, which no text pattern
 * can check. One input is one format: a finding says this file is not in
 * the wanted format, so the message tells the reviewer to check whether
 * the CA also publishes one that is. The rules of this kind have no
 * examples (examples are HTML documents); CLI cases test them.
 */
#include <string.h>

#include "check_internal.h"
#include "input_formats.h"

CHK_KIND_DECLARE(format);

check_status chk_eval_format(evalctx *c, const check_input *in, check_result *out, char **note)
{
    (void)note;
    const char *name = in->doc->d.format;
    int hit = chk_any_in(c, CHK_NO_BLOCK, &c->r->match, name, strlen(name), NULL, NULL);
    if (hit > 0) {
        finding *f = chk_add_finding(out, c->r);
        buf m = BUF_INIT;
        buf_printf(&m, "%s (this file was read as %s)", c->r->message, name);
        free(f->message);
        f->message = buf_detach(&m);
    }
    return ST_PASS;
}

int chk_validate_format(rule *r, char *msg, size_t size)
{
    if (r->also.n || r->unless.n || r->link.n || r->check || r->nscope)
    {
        buf names = BUF_INIT;
        input_format_names(&names);
        int rc = chk_invalid(msg, size, "a format rule takes only 'match' patterns (on the format "
                                        "name: %s) and no scope", buf_cstr(&names));
        buf_free(&names);
        return rc;
    }
    if (r->nexamples)
        return chk_invalid(msg, size, "a format rule has no examples: they would be HTML "
                                      "documents; test it with files of each format");
    return 0;
}
