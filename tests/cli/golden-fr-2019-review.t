# Golden (reviewed by eye): the 2019 review's two core findings on the French
# sample, as of the review's date, with quote, mark, section and citation.
run: check --only-ruleset cabf-br --disable br --enable br.4.9.3.problem-reporting --enable br.3.2.2.4.5.retired --as-of 2019-04-09 samples/fr-dpc-autorite-exemple-v4.2.html
exit: 1
stdout:
samples/fr-dpc-autorite-exemple-v4.2.html: version 4.2, dated 2018-11-25, language fr, 270 of 270 RFC 3647 sections; as of 2019-04-09
  profile: a Certification Practice Statement (CPS), scopes tls-server (detected)
    cps: title: "DPC AC Exemple Serveurs v4.2"
    tls-server: names the TLS BR or EV Guidelines in 1.1: "…en vigueur des « Baseline Requirements for the Issuance and Management of Publicly-Trusted Certificates » publiées par le CA/Browser Forum sur…"
    note: no separate CP is named: duties addressed to the CP apply to this CPS

Errors and upcoming deadlines:
error     1.5.2 Point de contact, line 389  [br.4.9.3.problem-reporting]
          "Le responsable de la DPC peut être joint aux coordonnées suivantes :"
          no instructions for reporting key compromise, misuse, fraud or other certificate problems found in section 1.5.2
          section 1.5.2 must itself give a contact means (email, URL or phone) and the instructions for reporting suspected key compromise, certificate misuse, fraud or other certificate problems
          [BR 4.9.3 (Ballot SC-006), effective 2018-10-14]
error     3.2.3.3 Vérification des noms de domaine (FQDN), line 456  [br.3.2.2.4.5.retired]
          "…(vérification de l’identité du demandeur auprès du registre du domaine), BR3.2.2.4.2 (courriel au contact du domaine), BR3.2.2.4.3 (appel téléphonique au contact du domaine), BR>>3.2.2.4.5<< (document d’autorisation signé par le titulaire du domaine), BR3.2.2.4.7 (modification DNS)."
          offers domain validation method 3.2.2.4.5 (Domain Authorization Document), which the BRs forbid from 2018-08-01; offered in its sentence ("l'une des methodes suivantes")
          [BR 3.2.2.4.5 (Ballot 218), effective 2018-08-01]

samples/fr-dpc-autorite-exemple-v4.2.html: 2 errors, 0 warnings, 0 notices; 2 rules: 2 fail, 0 upcoming, 0 error, 0 pass, 0 n/a, 0 not-effective
