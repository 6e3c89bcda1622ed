# outline shows the profile with all its evidence; --kind overrides it.
run: outline --kind cp-cps samples/en-cps-example-ca-v6.0.html
exit: 0
has:   profile: a combined CP/CPS, scopes tls-server (--kind/--scope)
has:     cps: title: "Example CA Certification Practice Statement v6.0"
has:     tls-server: EKU serverAuth in 7.1.2:
