#!/usr/bin/env python3
"""Assertions on cpslint HTML reports as headless Chromium builds them.

    check_report.py [--screenshot DIR] REPORT.html...

For each report, one TAP line per assertion:
  - nothing failed while loading: no console error or warning, no
    exception, no request that left the page (only file: and data:);
  - nothing from the document ran or was built: exactly one script (the
    page's own), no <img>, <iframe>, <object>, <embed>, <form action>,
    no on* attribute, no javascript: URL, no data-pwned attribute;
  - every finding row of the checklist links to a marker in the page and
    that marker links back to the row;
  - the filters change the visible rows (ticking every status shows all
    rows; unticking all hides all), and a text search narrows them;
  - the page does not scroll sideways (long words wrap);
  - the page became interactive (data-ready set by the page's script).
Prints '# ready: N ms' per report for make bench.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cdp import Browser  # noqa: E402

n = 0
failed = 0


def ok(cond, what):
    global n, failed
    n += 1
    if cond:
        print("ok %d - %s" % (n, what))
    else:
        failed += 1
        print("not ok %d - %s" % (n, what))


CHECKS_JS = r"""
(function(){
  var bad = [];
  var scripts = document.querySelectorAll('script');
  var want = /^cpslint (diff|history)/.test(document.title) ? 0 : 1;
  if (scripts.length !== want) bad.push('scripts: ' + scripts.length);
  ['img','iframe','object','embed','link','meta[http-equiv=refresh]','base'].forEach(function(s){
    var k = document.querySelectorAll(s).length; if (k) bad.push(s + ': ' + k); });
  document.querySelectorAll('*').forEach(function(e){
    for (var i = 0; i < e.attributes.length; i++) {
      var a = e.attributes[i];
      if (/^on/i.test(a.name)) bad.push('attribute ' + a.name + ' on ' + e.tagName);
      if (/^\s*javascript:/i.test(a.value)) bad.push('javascript: in ' + a.name);
      if (a.name === 'data-pwned') bad.push('data-pwned');
    }
  });
  if (document.title.indexOf('pwned') >= 0 && document.title.indexOf('cpslint report') !== 0)
    bad.push('title changed');
  return bad;
})()
"""

LINKS_JS = r"""
(function(){
  var bad = [], rows = document.querySelectorAll('tr[id*="-c"]');
  document.querySelectorAll('a[href]').forEach(function(a){
    var h = a.getAttribute('href');
    if (h.charAt(0) !== '#') bad.push('not an in-page link: ' + h);
    else if (!document.getElementById(h.slice(1))) bad.push('dangling link ' + h);
  });
  rows.forEach(function(r){
    var a = r.querySelector('a[href^="#"]');
    if (!a) { bad.push(r.id + ': no link'); return; }
    var m = document.getElementById(a.getAttribute('href').slice(1));
    if (!m) { bad.push(r.id + ': no marker ' + a.getAttribute('href')); return; }
    if (m.getAttribute('href') !== '#' + r.id) bad.push(r.id + ': marker does not link back');
  });
  return {rows: rows.length, bad: bad};
})()
"""

FILTER_JS = r"""
(function(){
  function vis(){ return [].filter.call(document.querySelectorAll('tr[data-status]'),
                   function(r){ return !r.hidden; }).length; }
  var f = document.getElementById('filters');
  var all = document.querySelectorAll('tr[data-status]').length;
  var boxes = f.querySelectorAll('input[name=status]');
  var start = vis();
  boxes.forEach(function(b){ b.checked = true; });
  f.dispatchEvent(new Event('change'));
  var every = vis();
  boxes.forEach(function(b){ b.checked = false; });
  f.dispatchEvent(new Event('change'));
  var none = vis();
  boxes.forEach(function(b){ b.checked = true; });
  f.dispatchEvent(new Event('change'));
  var q = document.getElementById('q');
  q.value = 'zz-no-such-text-zz';
  q.dispatchEvent(new Event('input'));
  var searched = vis();
  q.value = '';
  q.dispatchEvent(new Event('input'));
  return {all: all, start: start, every: every, none: none, searched: searched,
          shown: document.getElementById('shown').textContent};
})()
"""


def main(argv):
    shots = None
    generated = None
    paths = []
    it = iter(argv[1:])
    for a in it:
        if a == "--screenshot":
            shots = next(it)
        elif a == "--generated":
            generated = next(it)
        else:
            paths.append(a)
    if generated:
        done, total = generated.split("/")
        ok(done == total, "cpslint wrote %s of %s reports" % (done, total))
    b = Browser()
    try:
        for p in paths:
            try:
                one(b, p, shots)
            except Exception as ex:  # a broken page is a failure, not the end of the run
                ok(False, "%s: %s" % (os.path.basename(p), ex))
    finally:
        b.close()
    print("1..%d" % n)
    return 1 if failed else 0


def one(b, p, shots):
    name = os.path.basename(p)
    b.load("file://" + os.path.abspath(p))
    bad = b.eval(CHECKS_JS)
    ok(not bad, "%s: nothing from the document ran or was built %s" % (name, bad or ""))
    links = b.eval(LINKS_JS)
    ok(not links["bad"], "%s: %d finding rows link to their markers and back %s"
       % (name, links["rows"], links["bad"][:5] or ""))
    is_diff = b.eval("/^cpslint (diff|history)/.test(document.title)")
    if not is_diff:
        fl = b.eval(FILTER_JS)
        ok(fl["every"] == fl["all"] and fl["none"] == 0 and fl["searched"] == 0 and
           fl["start"] <= fl["all"],
           "%s: filters change the visible rows %s" % (name, fl))
    wide = b.eval("document.documentElement.scrollWidth - window.innerWidth")
    ok(wide <= 0, "%s: no sideways scrolling (%s px too wide)" % (name, wide))
    if not is_diff:
        ready = b.eval("document.documentElement.dataset.ready")
        ok(ready is not None, "%s: the page's script ran (interactive)" % name)
        print("# ready: %s ms %s" % (ready, name))
    probs = b.problems()
    ok(not probs, "%s: no console error, exception or outside request %s"
       % (name, probs[:5] or ""))
    if shots:
        os.makedirs(shots, exist_ok=True)
        b.screenshot(os.path.join(shots, os.path.splitext(name)[0] + ".png"))


if __name__ == "__main__":
    sys.exit(main(sys.argv))
