# The Markdown listing (docs/rules.md) names the rules text cannot decide and
# the uncertain ones.
run: rules --format markdown
exit: 0
has: ## Rules that text cannot decide
has: - `br.4.9.9.ocsp-live`:
has: ## Rules with an uncertain source or date
has: - `br.2.3.annual-update`:
