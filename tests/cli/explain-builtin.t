# The built-in rules about cpslint's own directives (cpslint.suppression.*)
# are explained like the rules of a ruleset: their findings name them.
run: explain cpslint.suppression.unknown-rule cpslint.suppression.no-reason
exit: 0
has: cpslint.suppression.unknown-rule
has:   A cpslint-disable directive naming no known rule
has: source       cpslint
has: cpslint.suppression.no-reason
has: To comply: Write the directive as "cpslint-disable RULE-ID -- reason"
lacks: State the effective date
