# The HTML report of a hostile document (markup-looking text, a real
# script, javascript: links, RTL overrides, a 100 KB word) under hostile
# rule texts: everything is text. tests/browser.sh loads the same report in
# Chromium; this case checks the bytes.
run: check --format html --only-ruleset tests/cli/data/hostile.rules --only-ruleset cabf-br tests/data/hostile.html
exit: 1
has: <script>(function(){'use strict';
lacks: <img
lacks: <b>
lacks: <a href="javascript
lacks: href="https:
lacks: src="
lacks: onerror=alert(1)>
lacks: ‮
lacks: ⁧
has: &lt;script&gt;document.documentElement.dataset.pwned=&quot;2&quot;&lt;/script&gt;
has: &lt;img src=x onerror=alert(1)&gt;
has: Message &lt;/td&gt;&lt;/tr&gt;&lt;script&gt;alert(2)&lt;/script&gt; &amp; more
has: Cite &lt;a href=&quot;javascript:alert(4)&quot;&gt;link&lt;/a&gt;
has: data-source="Source &lt;b&gt;bold&lt;/b&gt; &quot;x&quot; onmouseover=&#39;alert(3)&#39;"
has: <span class="ctl">U+202E</span>txet desrever<span class="ctl">U+202E</span>
has: AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA<wbr>A
has: Content-Security-Policy" content="default-src 'none'; style-src 'sha256-
