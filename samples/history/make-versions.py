#!/usr/bin/env python3
"""Write the versions of the fictional Lindenfeld Trust CPS (samples/history/).

    python3 samples/history/make-versions.py

Twelve versions, 2017 to 2026, derived from the project's own English sample
(samples/en-cps-example-ca-v6.0.html, a fictional CA written for cpslint)
with the changes a real CPS goes through, and with known late windows for
`cpslint history` (tests/cli/history-*.t assert them to the day):

  - domain validation method 3.2.2.4.1 offered by 1.0 to 1.2, removed by
    2.0 of 2019-08-05: in force past its retirement on 2018-08-01, 369 days;
  - 1.5.2 without problem-reporting instructions in 1.0 to 1.2, fixed by
    2.0 of 2019-08-05: 295 days after BR 4.9.3's 2018-10-14 date;
  - method 3.2.2.4.6 offered from 2.0, still in 2.1 of 2020-07-14, removed
    by 2.2 of 2020-11-30: 179 days after its retirement on 2020-06-04;
  - 428 days between 2.2 (2020-11-30) and 3.0 (2022-02-01).
"""
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
BASE = os.path.join(HERE, "..", "en-cps-example-ca-v6.0.html")

# version, date (ISO), long date, what changed, methods offered, problem reports in 1.5.2
SERIES = [
    ("1.0", "2017-03-01", "March 1, 2017", "First edition.", ["1", "7"], False),
    ("1.1", "2018-02-19", "February 19, 2018", "Annual review; OCSP responder address.",
     ["1", "7"], False),
    ("1.2", "2018-11-26", "November 26, 2018", "CAA checking described in 4.2.", ["1", "7"], False),
    ("2.0", "2019-08-05", "August 5, 2019",
     "Removed method 3.2.2.4.1; added 3.2.2.4.6; Certificate Problem Report contacts in 1.5.2.",
     ["6", "7"], True),
    ("2.1", "2020-07-14", "July 14, 2020", "Validity reduced to 398 days.", ["6", "7"], True),
    ("2.2", "2020-11-30", "November 30, 2020", "Removed method 3.2.2.4.6; added 3.2.2.4.19.",
     ["7", "19"], True),
    ("3.0", "2022-02-01", "February 1, 2022", "Added 3.2.2.4.20; key compromise methods in 4.9.12.",
     ["7", "19", "20"], True),
    ("3.1", "2023-01-16", "January 16, 2023", "Audit log retention aligned with SC-051.",
     ["7", "19", "20"], True),
    ("3.2", "2024-01-08", "January 8, 2024", "CRL schedule aligned with SC-063.",
     ["7", "19", "20"], True),
    ("3.3", "2024-12-16", "December 16, 2024", "Pre-issuance linting.", ["7", "19", "20"], True),
    ("3.4", "2025-11-24", "November 24, 2025", "Mass revocation plan in 5.7.1.",
     ["7", "19", "20"], True),
    ("4.0", "2026-10-15", "October 15, 2026", "Annual review; adherence statements in 1.1.",
     ["7", "19", "20"], True),
]

METHODS = {
    "1": ("Validating the Applicant as a Domain Contact",
          "Lindenfeld confirms that the Applicant is the Domain Contact listed by the Domain Name "
          "Registrar or in the WHOIS record of the Base Domain Name, comparing the Applicant's "
          "name and address with the registration data."),
    "6": ("Agreed-Upon Change to Website",
          "Lindenfeld gives the Applicant a Random Value and confirms that it appears in a file "
          "under the /.well-known/pki-validation/ directory of the Authorization Domain Name, "
          "fetched over HTTP or HTTPS on an Authorized Port."),
}


def methods_text(base, offered):
    start = base.index('<h4 id="s3-2-2-4">')
    end = base.index('<h4 id="s3-2-2-5">')
    part = base[start:end]
    listed = ", ".join("3.2.2.4." + m for m in offered[:-1]) + " and 3.2.2.4." + offered[-1]
    part = part.replace("using only the methods in 3.2.2.4.7, 3.2.2.4.19 and 3.2.2.4.20 below",
                        "using only the methods in " + listed + " below")
    # keep the subsections of the offered methods, in order, adding ours
    heads = list(re.finditer(r'<h4 id="s3-2-2-4-(\d+)">', part))
    intro = part[:heads[0].start()]
    sub = {}
    for i, h in enumerate(heads):
        sub[h.group(1)] = part[h.start():heads[i + 1].start() if i + 1 < len(heads) else len(part)]
    for m, (title, text) in METHODS.items():
        sub[m] = '<h4 id="s3-2-2-4-%s">3.2.2.4.%s %s</h4>\n<p>%s</p>\n' % (m, m, title, text)
    if "19" not in offered:
        intro = intro.replace("methods 3.2.2.4.19 and 3.2.2.4.20 validate only the exact FQDN "
                              "tested", "other methods validate only the exact FQDN tested")
    return base[:start] + intro + "".join(sub[m] for m in offered) + base[end:]


def problem_reports(base, keep):
    if keep:
        return base
    start = base.index("<p><b>Certificate Problem Reports.</b>")
    end = base.index('<h3 id="s1-5-3">')
    return base[:start] + base[end:]


def retention(base, iso):
    """Before SC-051 (2022) the BRs asked for 7 years of audit logs and archives."""
    if iso >= "2022-04-15":
        return base
    base = base.replace("retains audit logs for at least 2 years after the event they record. "
                        "CA key life-cycle records are kept for at least 2 years",
                        "retains audit logs for at least 7 years after the event they record. "
                        "CA key life-cycle records are kept for at least 7 years")
    return base.replace("Archived records are retained for at least 2 years after the expiry of "
                        "the certificate they relate to, or for 7 years where French law requires it",
                        "Archived records are retained for at least 7 years after the expiry of "
                        "the certificate they relate to")


def version(base, k):
    v, iso, long, what, offered, reports = SERIES[k]
    doc = base
    rows = "".join("      <tr><td>%s</td><td>%s</td><td>%s</td></tr>\n" % (s[0], s[1], s[3])
                   for s in SERIES[:k + 1])
    doc = re.sub(r"(<tbody>\n).*?(    </tbody>)", lambda m: m.group(1) + rows + m.group(2), doc,
                 count=1, flags=re.S)
    doc = doc.replace("<p>Version 6.0</p>", "<p>Version %s</p>" % v)
    doc = doc.replace("Effective Date: October 15, 2026", "Effective Date: " + long)
    doc = doc.replace("Version 6.0, effective October 15, 2026", "Version %s, effective %s" % (v, long))
    doc = doc.replace("1.3.6.1.4.1.99999.1.6.0", "1.3.6.1.4.1.99999.7." + v)
    doc = doc.replace("Certification Practice Statement v6.0", "Certification Practice Statement v" + v)
    doc = doc.replace("2019-2026", "2017-" + iso[:4])
    doc = methods_text(doc, offered)
    doc = problem_reports(doc, reports)
    doc = retention(doc, iso)
    doc = doc.replace("Exemplis SAS", "Lindenfeld Trust GmbH").replace("Exemplis", "Lindenfeld")
    doc = doc.replace("Example CA", "Lindenfeld CA").replace("example-ca.test", "lindenfeld-ca.test")
    return doc


def main():
    with open(BASE, encoding="utf-8") as f:
        base = f.read()
    for k, s in enumerate(SERIES):
        name = os.path.join(HERE, "lindenfeld-cps-v%s.html" % s[0])
        with open(name, "w", encoding="utf-8") as f:
            f.write(version(base, k))


if __name__ == "__main__":
    main()
