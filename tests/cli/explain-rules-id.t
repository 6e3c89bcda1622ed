# cpslint rules ID explains the rule, like cpslint explain ID.
run: rules br.6.3.2.subscriber-validity
exit: 0
has: br.6.3.2.subscriber-validity
has:   maximum
has: 200 days from 2026-03-15
has: To comply: State a value that keeps to the schedule:
